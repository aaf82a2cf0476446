package dev.ddx.backend.logs;

import dev.ddx.backend.logs.summary.NumericSeries;
import dev.ddx.backend.text.Fixtures;
import dev.ddx.pattern.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large file is summarised in chunks on every core; the summary must be the one a single reader
 * gives: the same counts, line numbers, templates, exceptions and findings. Small chunks make many
 * boundaries, through stack traces, binary garbage and overlong lines.
 */
class ChunkedReadTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"Apache", "BGL", "HDFS", "Hadoop", "Linux", "OpenSSH", "Spark", "Zookeeper"})
    void loghubSamplesSummariseTheSameInChunks(String system) throws Exception {
        Path log = Fixtures.shared("loghub/" + system + "/" + system + "_2k.log");
        assertSameInChunks(log, 2000);
    }

    @Test
    void stackTracesGarbageAndLongLinesAcrossChunkBoundaries() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        for (int i = 0; i < 3000; i++) {
            String ts = t.plusMillis(250L * i).toString().replace("T", " ").replace("Z", "").replace(".", ",");
            if (ts.length() == 19) ts += ",000";
            String th = "worker-" + i % 4;
            if (i % 97 == 0) {
                b.writeBytes((ts + " ERROR [" + th + "] app.Orders: order " + i + " failed\n"
                        + "java.lang.IllegalStateException: cannot ship " + i + "\n"
                        + "\tat app.Orders.ship(Orders.java:88)\n\tat app.Orders.run(Orders.java:40)\n"
                        + "Caused by: java.sql.SQLException: pool exhausted\n\tat db.Pool.get(Pool.java:9)\n\t... 2 more\n")
                        .getBytes(StandardCharsets.UTF_8));
            } else if (i % 501 == 0) {
                b.writeBytes(new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 5, '\n'});
            } else if (i % 777 == 0) {
                b.writeBytes((ts + " WARN [" + th + "] app.Big: payload " + "x".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                b.writeBytes((ts + " INFO [" + th + "] app.Cache: heap used " + (200 + i / 10) + " MB, queue " + i % 9
                        + " pending\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        b.writeBytes("2024-03-01 10:13:00,000 INFO [main] app.Main: stopp".getBytes(StandardCharsets.UTF_8)); // cut short
        Path log = Files.write(dir.resolve("svc.log"), b.toByteArray());
        for (long chunk : List.of(700L, 4096L, 65_536L)) assertSameInChunks(log, chunk);
    }

    /** A structured log: a JSON object per line, stack traces inside, a raw panic between; the same in chunks, with its findings. */
    @Test
    void aJsonLogSummarisesTheSameInChunks() throws Exception {
        StringBuilder b = new StringBuilder();
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        for (int i = 0; i < 2000; i++) {
            String ts = t.plusMillis(250L * i).toString();
            if (i % 97 == 0) {
                b.append("{\"@timestamp\":\"").append(ts).append("\",\"level\":\"ERROR\",\"thread_name\":\"worker-").append(i % 4)
                        .append("\",\"logger_name\":\"app.Orders\",\"message\":\"order ").append(i).append(" failed\",")
                        .append("\"stack_trace\":\"java.lang.IllegalStateException: cannot ship\\n\\tat app.Orders.ship(Orders.java:88)")
                        .append("\\nCaused by: java.sql.SQLException: pool exhausted\\n\\tat db.Pool.get(Pool.java:9)\\n\"}\n");
            } else if (i == 1500) {
                b.append("panic: runtime error: index out of range\n\ngoroutine 1 [running]:\n");
            } else {
                b.append("{\"@timestamp\":\"").append(ts).append("\",\"level\":\"INFO\",\"thread_name\":\"worker-").append(i % 4)
                        .append("\",\"logger_name\":\"app.Cache\",\"message\":\"cache state\",\"heap_used_mb\":").append(200 + i / 10)
                        .append(",\"queue\":").append(i % 9).append("}\n");
            }
        }
        Path log = Files.writeString(dir.resolve("svc.json"), b.toString());
        for (long chunk : List.of(900L, 8192L)) assertSameInChunks(log, chunk);
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(CLOCK))) {
            LogSummary sum = s.summary();
            assertEquals("json", sum.sources().get(0).header());
            assertEquals(List.of("java.lang.IllegalStateException"), sum.exceptions().stream().map(e -> e.exception().type()).toList());
            List<String> ids = s.findings().stream().map(Finding::patternId).toList();
            assertTrue(ids.containsAll(List.of("error-message", "managed-code-exception", "nested-exception", "memory-leak")), ids.toString());
        }
    }

    /** A Kubernetes container's log (CRI): each line in the runtime's envelope, traces a record per line, some lines in parts. */
    @Test
    void aCriLogSummarisesTheSameInChunks() throws Exception {
        StringBuilder b = new StringBuilder();
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        for (int i = 0; i < 2000; i++) {
            String rt = t.plusMillis(250L * i + 3).toString();
            String ts = t.plusMillis(250L * i).toString().replace("T", " ").replace("Z", "").replace(".", ",");
            if (ts.length() == 19) ts += ",000";
            if (i % 97 == 0) {
                b.append(rt).append(" stderr F ").append(ts).append(" ERROR [worker-1] app.Orders: order ").append(i).append(" failed\n")
                        .append(rt).append(" stderr F java.lang.IllegalStateException: cannot ship\n")
                        .append(rt).append(" stderr F \tat app.Orders.ship(Orders.java:88)\n");
            } else if (i % 131 == 0) {
                b.append(rt).append(" stdout P ").append(ts).append(" WARN [main] app.Big: payload ").append("x".repeat(300)).append('\n')
                        .append(rt).append(" stdout F ").append("y".repeat(100)).append('\n');
            } else {
                b.append(rt).append(" stdout F ").append(ts).append(" INFO [worker-").append(i % 4).append("] app.Cache: heap used ")
                        .append(200 + i / 10).append(" MB\n");
            }
        }
        Path log = Files.writeString(dir.resolve("svc-cri.log"), b.toString());
        for (long chunk : List.of(1000L, 8192L)) assertSameInChunks(log, chunk);
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(CLOCK))) {
            LogSummary sum = s.summary();
            assertEquals("cri: <Timestamp> <Level> [<Thread>] <Component>: <Content>", sum.sources().get(0).header());
            assertEquals(b.toString().lines().count(), sum.sources().get(0).lines(), "every record is a line of the file");
            List<String> ids = s.findings().stream().map(Finding::patternId).toList();
            assertTrue(ids.containsAll(List.of("error-message", "managed-code-exception", "memory-leak")), ids.toString());
        }
    }

    @Test
    void aLogOfTooManyDistinctMessagesForChunksIsReadOnByOneReader() throws Exception {
        // the first chunks repeat a few messages; then every message is new, so a part's shape table fills up
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            String ts = "2024-03-01 10:" + String.format("%02d:%02d,%03d", i / 6000, (i / 100) % 60, i % 1000);
            String message = i < 3000 ? "heap used " + (200 + i) + " MB" : "unexpected " + word(i) + " in " + word(i * 7) + " at " + word(i * 13);
            b.append(ts).append(" INFO [worker-").append(i % 4).append("] app.Thing: ").append(message).append('\n');
            if (i % 500 == 499) b.append("java.lang.IllegalStateException: stop\n\tat app.Thing.run(Thing.java:1)\n");
        }
        Path log = Files.writeString(dir.resolve("many.log"), b.toString());
        assertSameInChunks(log, 16_384, LogOptions.defaults(CLOCK).withMaxShapes(600));
        assertSameInChunks(Fixtures.shared("loghub/BGL/BGL_2k.log"), 65_536, LogOptions.defaults(CLOCK).withMaxShapes(200));
    }

    @Test
    void twoFilesWithALineLongerThanAChunk() throws Exception {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            String ts = "2024-03-01 1" + (i < 2000 ? "0" : "1") + String.format(":%02d:%02d,%03d", (i / 60) % 60, i % 60, i % 1000);
            a.append(ts).append(" INFO [main] app.A: step ").append(i).append(" took ").append(i % 40).append(" ms\n");
            b.append(ts).append(" WARN [io] app.B: retry ").append(i % 7).append('\n');
            if (i == 1500) b.append(ts).append(" ERROR [io] app.B: payload ").append("y".repeat(3 << 20)).append('\n');
        }
        Path first = Files.writeString(dir.resolve("a.log"), a.toString());
        Path second = Files.writeString(dir.resolve("b.log"), b.toString());
        LogOptions whole = LogOptions.defaults(CLOCK);
        try (LogSession x = LogSession.open(List.of(first.toString(), second.toString()), whole.withChunkBytes(LogOptions.UNCHUNKED));
             LogSession y = LogSession.open(List.of(first.toString(), second.toString()), whole.withChunkBytes(65_536))) {
            LogSummary p = x.summary();
            LogSummary q = y.summary();
            assertEquals(p.sources(), q.sources());
            assertEquals(p.timeline(), q.timeline());
            assertEquals(p.topTemplates(), q.topTemplates());
            assertEquals(p.problems(), q.problems());
            assertEquals(p.notes(), q.notes());
            assertEquals(1, q.sources().get(1).truncatedLines(), q.sources().toString());
        }
    }

    @Test
    void aFileOfAFewMegabytesIsReadInChunksOfASixteenth() throws Exception {
        LogOptions defaults = LogOptions.defaults(CLOCK);
        assertEquals(1L << 20, defaults.chunkFor(5_000_000), "at least 1 MiB");
        assertEquals(4L << 20, defaults.chunkFor(64L << 20));
        assertEquals(32L << 20, defaults.chunkFor(1L << 30), "at most 32 MiB");
        assertEquals(900, defaults.withChunkBytes(900).chunkFor(5_000_000), "a smaller limit is the chunk");
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 3_000_000; i++) {
            String ts = String.format("2024-03-01 1%d:%02d:%02d,%03d", i / 36000, (i / 600) % 60, (i / 10) % 60, i % 1000);
            b.append(ts).append(" INFO  [exec-").append(i % 8).append("] app.Queue: queue size ").append(i % 50)
                    .append(" took ").append(i % 97).append(" ms\n");
            if (i % 2000 == 1999) {
                b.append(ts).append(" ERROR [exec-1] app.Queue: job ").append(i).append(" failed\n")
                        .append("java.lang.IllegalStateException: full\n\tat app.Queue.put(Queue.java:9)\n");
            }
        }
        Path log = Files.writeString(dir.resolve("three.log"), b.toString());
        assertSameInChunks(log, LogOptions.CHUNK_BYTES, defaults);
    }

    /** A word of letters only (no digits, so it is not masked) that is different for every n. */
    static String word(int n) {
        StringBuilder w = new StringBuilder();
        for (int k = 0; k < 4; k++, n /= 26) w.append((char) ('a' + n % 26));
        return w.toString();
    }

    /** PostgreSQL's detail lines go with the error before them, also where a chunk would start at one. */
    @Test
    void postgresDetailLinesStayWithTheirErrorInChunks() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            String t = String.format("2024-03-01 10:%02d:%02d.%03d UTC [%d] ", i / 60 % 60, i % 60, i % 1000, 1000 + i % 7);
            if (i % 10 == 3) {
                b.append(t).append("ERROR:  duplicate key value violates unique constraint \"orders_pkey\"\n");
                b.append(t).append("DETAIL:  Key (id)=(").append(i).append(") already exists.\n");
                b.append(t).append("STATEMENT:  insert into orders values (").append(i).append(")\n");
            } else {
                b.append(t).append("LOG:  checkpoint complete: wrote ").append(i).append(" buffers\n");
            }
        }
        Path log = Files.writeString(dir.resolve("postgresql.log"), b.toString());
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(CLOCK).withChunkBytes(8 * 1024))) {
            LogSummary sum = s.summary();
            assertEquals(3000, sum.events(), "each error with its two detail lines is one event");
            assertEquals(300, sum.problems().get(0).count());
        }
        assertSameInChunks(log, 8 * 1024);
    }

    static void assertSameInChunks(Path log, long chunk) {
        assertSameInChunks(log, chunk, LogOptions.defaults(CLOCK));
    }

    static void assertSameInChunks(Path log, long chunk, LogOptions whole) {
        LogOptions chunked = whole.withChunkBytes(chunk);
        LogOptions one = whole.withChunkBytes(LogOptions.UNCHUNKED);
        assertTrue(ChunkedRead.applies(new dev.ddx.backend.logs.source.FileSource(log), chunked), "not read in chunks: " + log);
        assertFalse(ChunkedRead.applies(new dev.ddx.backend.logs.source.FileSource(log), one), log.toString());
        try (LogSession a = LogSession.open(List.of(log.toString()), one);
             LogSession c = LogSession.open(List.of(log.toString()), chunked)) {
            LogSummary x = a.summary();
            LogSummary y = c.summary();
            String at = log.getFileName() + " in chunks of " + chunk;
            assertEquals(x.sources(), y.sources(), at);
            assertEquals(x.lines(), y.lines(), at);
            assertEquals(x.events(), y.events(), at);
            assertEquals(x.start(), y.start(), at);
            assertEquals(x.end(), y.end(), at);
            assertEquals(x.levels(), y.levels(), at);
            assertEquals(x.bucketMillis(), y.bucketMillis(), at);
            assertEquals(x.timeline(), y.timeline(), at);
            assertEquals(x.templateCount(), y.templateCount(), at);
            assertEquals(x.topTemplates(), y.topTemplates(), at);
            assertEquals(x.problems(), y.problems(), at);
            assertEquals(x.exceptions(), y.exceptions(), at);
            assertEquals(x.bursts(), y.bursts(), at);
            assertEquals(x.notes(), y.notes(), at);
            // a thinned series may keep other points; everything exact about it stays the same
            assertEquals(x.series().stream().map(ChunkedReadTest::exact).toList(), y.series().stream().map(ChunkedReadTest::exact).toList(), at);
            assertEquals(x.series().stream().map(s -> s.points().size() < 256).toList(),
                    y.series().stream().map(s -> s.points().size() < 256).toList(), at);
            assertEquals(a.findings().stream().map(ChunkedReadTest::exact).toList(),
                    c.findings().stream().map(ChunkedReadTest::exact).toList(), at);
        }
    }

    static String exact(NumericSeries s) {
        return s.name() + " " + s.label() + " " + s.kind() + " " + s.count() + " " + s.min() + " " + s.max()
                + " first " + s.points().get(0) + " last " + s.points().get(s.points().size() - 1);
    }

    /** A finding without the figures read off thinned series. */
    static String exact(Finding f) {
        return f.patternId() + " " + f.evidence().stream().map(e -> e.lines().map(Object::toString).orElse("")).toList();
    }
}
