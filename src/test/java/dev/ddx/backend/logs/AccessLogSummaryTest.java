package dev.ddx.backend.logs;

import dev.ddx.backend.logs.summary.NumericSeries;
import dev.ddx.backend.logs.summary.TemplateStat;
import dev.ddx.pattern.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A web server's access log in which an upstream starts failing: its 502s are the errors, its 404s warnings. */
class AccessLogSummaryTest {
    @TempDir
    Path dir;

    @Test
    void theFailingStatusesAreTheProblemsEachWithItsOwnTemplate() throws Exception {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            int status = i % 97 == 5 ? 404 : i >= 2400 && i % 3 == 0 ? 502 : 200;
            b.append(String.format("10.0.%d.%d - - [%s] \"GET /api/orders/%d HTTP/1.1\" %d %d \"-\" \"curl/8.0\"%n", i % 7, i % 250,
                    f.format(t.plusMillis(500L * i)), i, status, 100 + (i * 37) % 900));
        }
        Path log = Files.writeString(dir.resolve("access.log"), b.toString());
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(LogSessionTest.CLOCK))) {
            LogSummary sum = s.summary();
            assertEquals("access", sum.sources().get(0).header());
            assertEquals(List.of("ERROR 198 Bad Gateway (<*>): GET <*> <*>, sent <*> bytes",
                            "WARN 31 Not Found (<*>): GET <*> <*>, sent <*> bytes"),
                    sum.problems().stream().map(p -> p.level() + " " + p.count() + " " + p.template()).toList());
            TemplateStat bad = sum.problems().get(0);
            assertEquals(2401, bad.first().first(), "the first 502's line");
            assertEquals(java.util.Optional.of(Instant.parse("2024-03-01T10:20:00Z")), bad.firstSeen());
            assertTrue(sum.series().stream().anyMatch(x -> x.kind() == NumericSeries.Kind.SIZE && x.label().equals("sent")),
                    sum.series().toString());
            Finding e = s.findings().stream().filter(x -> x.patternId().equals("error-message")).findFirst().orElseThrow();
            assertEquals("Error logged 198x: Bad Gateway (<*>): GET <*> <*>, sent <*> bytes", e.title());
            assertEquals("ERROR \"Bad Gateway (502): GET /api/orders/2400 HTTP/1.1, sent 700 bytes\" (template T3, 198 times)",
                    e.evidence().get(0).fact());
        }
        ChunkedReadTest.assertSameInChunks(log, 16 * 1024);
    }
}
