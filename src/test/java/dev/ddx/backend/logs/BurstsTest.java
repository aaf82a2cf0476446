package dev.ddx.backend.logs;

import dev.ddx.backend.logs.summary.Burst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A template whose rate jumps is a burst, and so is one that first appears well into the log at a high rate. */
class BurstsTest {
    @TempDir
    Path dir;

    @Test
    void aTemplateThatStartsLateAndBusyIsABurstFromNone() throws Exception {
        StringBuilder b = new StringBuilder();
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        for (int s = 0; s < 3600; s++) {
            String ts = LogSessionTest.logTime(t.plusSeconds(s));
            b.append(ts).append(" INFO [main] app.Web: handled request ").append(s).append('\n');
            if (s >= 1800) b.append(ts).append(" ERROR [main] app.Db: connection pool exhausted after ").append(s % 7).append(" ms\n");
            if (s < 60 && s % 2 == 0) b.append(ts).append(" INFO [main] app.Boot: warming cache ").append(s).append('\n');
        }
        Path log = Files.writeString(dir.resolve("app.log"), b.toString());
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(LogSessionTest.CLOCK))) {
            LogSummary sum = s.summary();
            assertEquals(1, sum.bursts().size(), sum.bursts().toString());
            Burst u = sum.bursts().get(0);
            assertEquals("connection pool exhausted after <*> ms", u.template());
            assertEquals(0.0, u.baseline());
            assertTrue(!u.start().isBefore(t.plusSeconds(1800 - 60)) && !u.start().isAfter(t.plusSeconds(1800)), u.start().toString());
            assertTrue(LogSummaryRenderer.markdown(sum, s.findings()).contains("jumped to " + u.peak() + " per "), "rendered");
            assertTrue(LogSummaryRenderer.markdown(sum, s.findings()).contains("(none before)"));
        }
    }
}
