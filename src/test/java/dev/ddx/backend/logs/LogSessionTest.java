package dev.ddx.backend.logs;

import dev.ddx.error.TargetUnreadableException;
import dev.ddx.error.UsageException;
import dev.ddx.model.LogEvent;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API the conversation's log tools use: summary, search, findings, text for a model. */
class LogSessionTest {
    @TempDir
    Path dir;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

    /** A whole second as a Java service's log writes it: {@code 2024-03-01 10:00:00,000}. */
    static String logTime(Instant second) {
        return second.toString().replace("T", " ").replace("Z", ",000");
    }

    Path leakyLog() throws Exception {
        StringBuilder b = new StringBuilder();
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        for (int i = 0; i < 60; i++) {
            String ts = t.plusSeconds(60L * i).toString().replace("T", " ").replace("Z", ".000");
            b.append(ts).append(" INFO [gc-monitor] app.Health: heap used ").append(300 + 12 * i).append(" MB\n");
            b.append(ts).append(" INFO [gc-monitor] app.Health: open file handles ").append(100 + 3 * i).append('\n');
            b.append(ts).append(" INFO [http-1] app.Web: served /orders in ").append(20 + i % 5).append(" ms\n");
            if (i % 20 == 19) {
                b.append(ts).append(" ERROR [http-1] app.Web: request failed\n")
                        .append("java.io.UncheckedIOException: read failed\n\tat app.Web.serve(Web.java:12)\n")
                        .append("Caused by: java.net.SocketTimeoutException: Read timed out\n\tat java.net.Socket.read(Socket.java:1)\n");
            }
        }
        return Files.writeString(dir.resolve("svc.log"), b.toString());
    }

    @Test
    void aLogOfMoreFormsThanTheTableHoldsGroupsThemUnderOneTemplateAndSaysSo() throws Exception {
        java.util.Random random = new java.util.Random(3);
        StringBuilder b = new StringBuilder();
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        for (int i = 0; i < 6000; i++) {
            String ts = t.plusMillis(250L * i).toString().replace("T", " ").replace("Z", "");
            b.append(ts).append(" INFO [main] shop.Words: user ").append(word(random)).append(" asked for ").append(word(random))
                    .append(" in ").append(word(random)).append('\n');
        }
        Path log = Files.writeString(dir.resolve("words.log"), b.toString());
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(CLOCK).withMaxShapes(500))) {
            LogSummary sum = s.summary();
            assertEquals("user <*> asked for <*> in <*>", sum.topTemplates().get(0).template(),
                    sum.topTemplates().stream().limit(3).map(dev.ddx.backend.logs.summary.TemplateStat::template).toList().toString());
            assertEquals(6000, sum.topTemplates().get(0).count());
            assertTrue(sum.notes().stream().anyMatch(n -> n.contains("template table filled up at 500 message forms: 5500 later")),
                    sum.notes().toString());
            assertEquals(List.of(), sum.bursts(), "the messages after the table filled are no burst");
        }
    }

    @Test
    void anExceptionNamedInsideAValueOfItsMessageIsStillCounted() throws Exception {
        // the summary checks a message for exception words by its shape's literal tokens and its value
        // tokens apart: "Http2Exception:" has a digit, so it is a value, masked in the shape
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            String ts = "2024-03-01 10:00:" + (10 + i / 10) + "," + (100 + i);
            b.append(ts).append(" WARN [h2] com.acme.Net: com.acme.Http2Exception: stream ").append(i).append(" reset\n");
            b.append(ts).append(" INFO [h2] com.acme.Net: stream ").append(i).append(" opened\n");
            if (i % 10 == 0) b.append(ts).append(" WARN [io] com.acme.Disk: java.io.IOException: disk ").append(i).append(" full\n");
        }
        Path log = Files.writeString(dir.resolve("h2.log"), b.toString());
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(CLOCK))) {
            List<dev.ddx.backend.logs.summary.ExceptionGroup> groups = s.summary().exceptions();
            assertEquals(List.of("com.acme.Http2Exception=50", "java.io.IOException=5"),
                    groups.stream().map(g -> g.chain().get(0) + "=" + g.count()).sorted().toList());
        }
    }

    static String word(java.util.Random r) {
        StringBuilder w = new StringBuilder();
        for (int k = 4 + r.nextInt(5); k > 0; k--) w.append((char) ('a' + r.nextInt(26)));
        return w.toString();
    }

    @Test
    void findingsNameTheirPatternAndTheFileLines() throws Exception {
        Path log = leakyLog();
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(CLOCK))) {
            List<Finding> findings = s.findings();
            List<String> ids = findings.stream().map(Finding::patternId).toList();
            assertTrue(ids.containsAll(List.of("error-message", "managed-code-exception", "nested-exception",
                    "counter-value", "memory-leak", "handle-leak")), ids.toString());
            for (Finding f : findings) {
                for (Evidence e : f.evidence()) {
                    assertEquals(log.toString(), e.lines().orElseThrow().file(), f.toString());
                    assertTrue(e.lines().get().first() >= 1, f.toString());
                }
            }
            Finding leak = findings.stream().filter(f -> f.patternId().equals("memory-leak")).findFirst().orElseThrow();
            assertTrue(leak.evidence().get(0).fact().startsWith("heap used = 300 mb first"), leak.toString());
            assertEquals(1, leak.evidence().get(0).lines().get().first());
        }
    }

    /**
     * A message logged mostly at INFO and now and then at ERROR (a request's outcome): an error as
     * many times as it was logged at ERROR, first and last where it was, with an ERROR line's text.
     */
    @Test
    void aTemplateOfSeveralLevelsIsAProblemAsOftenAsItWasLoggedAtItsWorst() throws Exception {
        StringBuilder b = new StringBuilder();
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        for (int i = 0; i < 400; i++) {
            String ts = logTime(t.plusSeconds(i));
            String level = i % 50 == 7 ? "ERROR" : i % 10 == 3 ? "WARN" : "INFO";
            b.append(ts).append(' ').append(level).append(" [http-1] app.Web: handled request ").append(i).append(" in ")
                    .append(i % 13).append(" ms\n");
        }
        Path log = Files.writeString(dir.resolve("web.log"), b.toString());
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(CLOCK))) {
            LogSummary sum = s.summary();
            dev.ddx.backend.logs.summary.TemplateStat p = sum.problems().get(0);
            assertEquals(List.of("ERROR", 8L, "handled request 7 in 7 ms", 8, 358), List.of(p.level(), p.count(), p.example(),
                    p.first().first(), p.last().first()));
            assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:07Z")), p.firstSeen());
            assertEquals(Optional.of(Instant.parse("2024-03-01T10:05:57Z")), p.lastSeen());
            assertEquals(java.util.Map.of("ERROR", 8L, "WARN", 40L, "INFO", 352L), p.levels(), "its levels stay all of them");
            assertEquals(400, sum.topTemplates().get(0).count(), "as a template it was logged 400 times");
            Finding f = s.findings().stream().filter(x -> x.patternId().equals("error-message")).findFirst().orElseThrow();
            assertEquals("Error logged 8x: handled request <*> in <*> ms", f.title());
            assertEquals(8, f.evidence().get(0).lines().orElseThrow().first(), "the first ERROR line, not the template's first");
        }
        ChunkedReadTest.assertSameInChunks(log, 2048);
    }

    @Test
    void searchFindsTextOrRegexInOrderWithTemplates() throws Exception {
        Path log = leakyLog();
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(CLOCK))) {
            List<LogEvent> hits = s.search("SocketTimeout", 10);
            assertEquals(3, hits.size());
            assertEquals("request failed", hits.get(0).template());
            List<LogEvent> regex = s.search("heap used (3[0-9]{2}) MB", 5);
            assertEquals(5, regex.size());
            assertEquals(List.of("300"), regex.get(0).parameters());
            assertTrue(regex.get(0).firstLine() < regex.get(1).firstLine());
        }
    }

    @Test
    void textForAModelIsCompactAndBounded() throws Exception {
        try (LogSession s = LogSession.open(List.of(leakyLog().toString()), LogOptions.defaults(CLOCK))) {
            String text = LogSummaryRenderer.text(s.summary(), s.findings(), 4000);
            assertTrue(text.length() <= 4100);
            assertTrue(text.contains("finding memory-leak"), text);
            assertTrue(text.contains("exception java.io.UncheckedIOException <- java.net.SocketTimeoutException 3x"), text);
        }
    }

    @Test
    void stdinIsReadAndCanBeSearchedAfterTheSummary() {
        String log = "2024-03-01 10:00:00,000 WARN [main] a.B: disk 91% full\n2024-03-01 10:00:01,000 INFO [main] a.B: ok\n";
        LogOptions o = LogOptions.defaults(CLOCK).withStdin(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
        try (LogSession s = LogSession.open(List.of("-"), o)) {
            assertEquals(2, s.summary().events());
            assertEquals("-", s.search("disk", 1).get(0).file());
        }
    }

    /** zstd on stdin is refused with the command that unpacks it, and its spooled copy goes. */
    @Test
    void aPackingDdxDoesNotUnpackOnStdinIsRefused() throws Exception {
        byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x24, 0x10, 0, 0};
        long spools = spools();
        LogOptions o = LogOptions.defaults(CLOCK).withStdin(new ByteArrayInputStream(zstd));
        TargetUnreadableException e = assertThrows(TargetUnreadableException.class, () -> LogSession.open(List.of("-"), o));
        assertEquals("stdin is zstd-compressed, which ddx does not unpack", e.getMessage());
        assertEquals("unpack it into ddx: zstd -dc FILE | ddx logs summarize -", e.hint());
        assertEquals(spools, spools(), "no copy of stdin is left behind");
    }

    private static long spools() throws java.io.IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("ddx-stdin")).count();
        }
    }

    @Test
    void nothingToReadIsAUsageError() {
        UsageException e = assertThrows(UsageException.class,
                () -> LogSession.open(List.of(dir.resolve("none.log").toString()), LogOptions.defaults(CLOCK)));
        assertTrue(e.getMessage().startsWith("no such log file"));
    }
}
