package dev.ddx.backend.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A summary is the same text whichever JVM writes it: a golden file or a replayed transcript can
 * only be compared when it does not depend on the run. Each JVM hashes its immutable maps with a
 * seed of its own, so a map's order must never come from one of those.
 */
class SummaryDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void theJsonSummaryIsTheSameTextFromEveryJvmAndATemplatesLevelsComeWorstFirst() throws Exception {
        // one template at five levels (and lines without one), in CRLF lines
        Path log = dir.resolve("levels.log");
        StringBuilder text = new StringBuilder();
        String[] levels = {"INFO", "WARN", "ERROR", "DEBUG", "info", "FATAL", "NOTICE"};
        for (int i = 0; i < 700; i++) {
            text.append(String.format("2024-03-01 10:%02d:%02d,%03d %s [worker-%d] com.a.Http: request %d took %d ms\r\n",
                    i / 60 % 60, i % 60, i % 1000, levels[i % levels.length], i % 3, i, i % 97));
        }
        Files.writeString(log, text, StandardCharsets.US_ASCII);
        List<String> outputs = new ArrayList<>();
        for (int run = 0; run < 3; run++) outputs.add(summarize(log, dir.resolve("out-" + run + ".json")));
        for (String out : outputs) assertEquals(outputs.get(0), out, "the JSON summary differs between two JVMs");
        String json = outputs.get(0);
        int from = json.indexOf("\"levels\"", json.indexOf("\"topTemplates\""));
        String templateLevels = json.substring(from, json.indexOf('}', from));
        int before = -1;
        for (String name : new String[] {"FATAL", "ERROR", "WARN", "INFO", "DEBUG"}) {
            int at = templateLevels.indexOf('"' + name + '"');
            assertTrue(at > before, "levels not worst first: " + templateLevels);
            before = at;
        }
    }

    /** {@code ddx logs summarize --format json} of the log in a JVM of its own. */
    private static String summarize(Path log, Path out) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", cp, "dev.ddx.cli.Ddx", "logs", "summarize", "--format", "json", log.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ddx did not finish");
        String text = Files.readString(out);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
