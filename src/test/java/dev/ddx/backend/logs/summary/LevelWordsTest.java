package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.LogOptions;
import dev.ddx.backend.logs.LogSession;
import dev.ddx.backend.logs.LogSummary;
import dev.ddx.backend.logs.LogSummaryRenderer;
import dev.ddx.pattern.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelWordsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static String said(String template) {
        return LevelWords.of(template).map(w -> w.level() + " " + w.word()).orElse("none");
    }

    @Test
    void aTemplatesOwnWordsGiveItsLevelTheWorstWinning() {
        assertEquals("ERROR error", said("error: Received disconnect from <*>: <*>: No more user authentication methods available."));
        assertEquals("WARN failed", said("Failed password for invalid user <*> from <*> port <*> <*>"));
        assertEquals("FATAL fatal", said("fatal: Write failed: Connection reset by peer [preauth]"));
        assertEquals("WARN break-in", said("reverse mapping checking getaddrinfo for <*> [<*>] - POSSIBLE BREAK-IN ATTEMPT!"));
        assertEquals("ERROR out of memory", said("Out of memory: Killed process <*> (<*>)."));
        assertEquals("WARN timed out", said("User unknown timed out after <*> seconds"));
        assertEquals("WARN failure", said("pam_unix(sshd:auth): authentication failure; logname= uid=<*>"));
    }

    @Test
    void valuesKeysNegationsAndOtherWordsGiveNone() {
        assertEquals("none", said("Received disconnect from <*>: <*>: Bye Bye [preauth]"));
        assertEquals("none", said("check completed with no errors"));
        assertEquals("none", said("sent request status=<*> error=<*>"), "a key's name is no word of the message");
        assertEquals("none", said("loaded <*> rules from <*>"));
        assertEquals("none", said("Enabling unmasked SIMD FPU exception support... done."), "an exception is the exception finder's");
        assertEquals("none", said("errorless run of <*>"), "whole words only");
    }

    /** A syslog-like log (no levels): its failures are WARN and worse by their words, marked so everywhere they are shown. */
    @Test
    void aLogWithoutLevelsHasProblemsByTheirWords() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String t = String.format("Dec 10 07:%02d:%02d LabSZ sshd[%d]: ", i / 60 + 10, i % 60, 24200 + i);
            b.append(t).append(i % 3 == 0 ? "Failed password for root from 10.0.0." + i + " port 22 ssh2" : "Accepted publickey for deploy")
                    .append('\n');
            if (i % 20 == 5) b.append(t).append("error: Received disconnect from 10.0.0.").append(i).append(": 3: Auth fail\n");
        }
        Path log = Files.writeString(dir.resolve("auth.log"), b.toString());
        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(CLOCK))) {
            LogSummary sum = s.summary();
            assertEquals(List.of("ERROR error 3 7", "WARN failed 20 1"), sum.problems().stream()
                    .map(p -> p.level() + " " + p.levelFrom() + " " + p.count() + " " + p.first().first()).toList());
            assertEquals(List.of(""), List.copyOf(sum.levels().keySet()), "the levels as logged stay none");
            List<Finding> findings = s.findings();
            Finding f = findings.stream().filter(x -> x.patternId().equals("error-message")).findFirst().orElseThrow();
            assertEquals(0.6, f.confidence(), 1e-9, "less sure than a logged ERROR");
            assertTrue(f.evidence().get(0).fact().startsWith("ERROR by the word \"error\" (no level logged)"), f.evidence().get(0).fact());
            String md = LogSummaryRenderer.markdown(sum, findings);
            assertTrue(md.contains("| *WARN* (\"failed\") | 20 |"), md);
            assertTrue(md.contains("the log gives these events no level"), md);
            String json = LogSummaryRenderer.json(sum, findings).replaceAll("\\s", "");
            assertTrue(json.contains("\"example\":\"Failedpasswordforrootfrom10.0.0.0port22ssh2\",\"levelFrom\":\"failed\""), json);
        }
    }

    /** Where the log gives levels, they stand: a failure logged at INFO is no problem. */
    @Test
    void aLoggedLevelIsNeverOverruled() throws Exception {
        String log = """
                2024-03-01 10:00:00,000 INFO [main] app.Job: retry 1 failed, trying again
                2024-03-01 10:00:01,000 INFO [main] app.Job: retry 2 failed, trying again
                2024-03-01 10:00:02,000 WARN [main] app.Job: giving up
                """;
        Path file = Files.writeString(dir.resolve("job.log"), log);
        try (LogSession s = LogSession.open(List.of(file.toString()), LogOptions.defaults(CLOCK))) {
            assertEquals(List.of("WARN  giving up"), s.summary().problems().stream()
                    .map(p -> p.level() + " " + p.levelFrom() + " " + p.template()).toList());
            assertEquals(Optional.empty(), s.findings().stream().filter(x -> x.patternId().equals("error-message")).findFirst());
        }
    }
}
