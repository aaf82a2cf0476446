package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.LogOptions;
import dev.ddx.backend.logs.LogSession;
import dev.ddx.backend.logs.LogSummary;
import dev.ddx.backend.logs.mine.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which parameters of a template the summary shows as numbers over time. */
class SeriesFinderTest {
    @TempDir
    Path dir;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC);

    /**
     * A package manager's log: each package's versions, one shape per package, one template for
     * all. Versions like {@code 590-2} are no numbers; a few packages write plain ones ({@code 12.9}).
     */
    static String packages(int numeric) {
        String[] names = {"fonts", "tzdata", "perl", "bash", "less", "zlib"};
        StringBuilder b = new StringBuilder();
        Instant t = Instant.parse("2025-06-24T14:36:25Z");
        for (int i = 0; i < 60; i++) {
            String ts = t.plusSeconds(7L * i).toString().replace("T", " ").replace("Z", "");
            int p = i % names.length;
            String version = p < numeric ? (10 + i / 6) + "." + p : (500 + i) + "-" + p + "~deb12u" + (i % 3);
            b.append(ts).append(" status unpacked ").append(names[p]).append(":all ").append(version).append('\n');
        }
        return b.toString();
    }

    @Test
    void aParameterThatIsOnlyNowAndThenANumberIsNoSeries() throws Exception {
        LogSummary s = summary(packages(2));
        assertEquals("status unpacked <*> <*>", s.topTemplates().get(0).template(), s.topTemplates().toString());
        assertEquals(List.of(), s.series().stream().map(NumericSeries::name).toList(), "a third of the versions read as numbers");
    }

    @Test
    void aParameterThatIsANumberInMostEventsIsASeries() throws Exception {
        LogSummary s = summary(packages(4));
        assertEquals(List.of("T1.2"), s.series().stream().map(NumericSeries::name).toList(), s.series().toString());
        NumericSeries v = s.series().get(0);
        assertEquals(40, v.count(), "the twenty versions that are not numbers are no values");
        assertTrue(v.min() == 10.0 && v.max() == 19.3, v.toString());
    }

    /** A structured log's field names carry the unit and the words: {@code heap_used_mb}, {@code latencyMs}, {@code open_fds}. */
    @Test
    void fieldNamesSayWhatANumberIs() {
        assertEquals("mb", SeriesFinder.unitInName("heap_used_mb"));
        assertEquals("ms", SeriesFinder.unitInName("latencyMs"));
        assertEquals("", SeriesFinder.unitInName("ms"), "a unit alone names nothing");
        assertEquals("", SeriesFinder.unitInName("status"));
        assertEquals(NumericSeries.Kind.MEMORY, SeriesFinder.kind("heap_used_mb", "mb"));
        assertEquals(NumericSeries.Kind.MEMORY, SeriesFinder.kind("heapUsed", ""));
        assertEquals(NumericSeries.Kind.DURATION, SeriesFinder.kind("latencyMs", "ms"));
        assertEquals(NumericSeries.Kind.HANDLES, SeriesFinder.kind("open_fds", ""));
        assertEquals(NumericSeries.Kind.QUEUE, SeriesFinder.kind("pool.active", ""));
        assertEquals(NumericSeries.Kind.OTHER, SeriesFinder.kind("status", ""));
        assertEquals(NumericSeries.Kind.DURATION, SeriesFinder.kind("renew lease", "seconds"), "a unit written out");
    }

    /** A series is named by the words before its number, without small words at either end, or else by those before the value before them. */
    @Test
    void smallWordsNameNoSeries() {
        Template hadoop = new Template("T95", List.of("Failed", "to", "renew", "lease", "for", "DFSClient_NONMAPREDUCE_<*>", "for",
                "<*>", "seconds.", "Will", "retry", "shortly", "..."));
        assertEquals("renew lease", SeriesFinder.label(hadoop, 7), "not 'for'");
        Template waited = new Template("T1", List.of("request", "waited", "for", "<*>", "ms"));
        assertEquals("request waited", SeriesFinder.label(waited, 3));
        Template heap = new Template("T2", List.of("size", "of", "the", "heap:", "<*>", "MB"));
        assertEquals("heap", SeriesFinder.label(heap, 4), "of the three words before, the small ones at the start go");
        assertEquals("processed", SeriesFinder.label(new Template("T3", List.of("processed", "<*>", "in", "<*>", "ms")), 3));
        Template alone = new Template("T3", List.of("<*>", "in", "<*>", "ms"));
        assertEquals("in", SeriesFinder.label(alone, 2), "no words before the value before: the small words");
        assertEquals("queue", SeriesFinder.label(new Template("T4", List.of("queue=<*>")), 0));
    }

    /** Ports, process and user ids tell things apart and measure nothing: no series of the summary, though the numbers change. */
    @Test
    void identifiersAreNoSeries() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append(String.format("2024-03-01 10:00:%02d,000 INFO [main] app.Net: accepted from 10.0.0.%d port %d pid=%d in %d ms%n",
                    i, i, 40000 + 37 * i, 300 + i, i % 7 + 1));
        }
        LogSummary s = summary(b.toString());
        assertEquals(List.of("in"), s.series().stream().map(NumericSeries::label).toList());
        assertTrue(SeriesFinder.identifier("rhost port") && SeriesFinder.identifier("pid") && SeriesFinder.identifier("threadId"));
        assertFalse(SeriesFinder.identifier("pending") || SeriesFinder.identifier("heap used"));
    }

    private LogSummary summary(String text) throws Exception {
        Path log = Files.writeString(dir.resolve("x.log"), text);
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(CLOCK))) {
            return s.summary();
        }
    }
}
