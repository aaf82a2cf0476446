package dev.ddx.catalog;

import dev.ddx.cli.Ddx;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog's log commands are real: each is either {@code ddx logs summarize FILE}, run here
 * on a real log, or a {@code grep}/{@code tail} command that the shell runs on that log without a
 * usage or pattern error (grep exits 2 on a malformed expression).
 */
class CatalogLogsCommandsLiveTest {

    @Test
    void everyLogsCommandRunsOnARealLogOrIsDdxItself() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell is needed to run grep and tail");
        Path log = Files.createTempFile("ddx-catalog", ".log");
        Files.writeString(log, """
                2026-11-21 03:12:01 INFO starting worker pool version 2.4.1
                2026-11-21 03:12:09 ERROR request timed out after 30s
                Traceback (most recent call last):
                  File "app.py", line 17, in handle
                2026-11-21 03:12:10 WARN retrying connection 0x7f3a2c001000
                """);
        List<String> failures = new ArrayList<>();
        int ran = 0;
        for (PatternEntry e : Catalog.load().all()) {
            for (String cmd : e.commandsFor("logs")) {
                assertTrue(cmd.contains("FILE"), e.id() + ": a logs command names its FILE: " + cmd);
                if (cmd.startsWith("ddx logs summarize ")) continue;
                assertTrue(cmd.startsWith("grep ") || cmd.startsWith("tail "), e.id() + ": unexpected logs command " + cmd);
                String filled = cmd.replace("FILE", "'" + log + "'").replace("EXPR", "retrying");
                Process p = new ProcessBuilder("/bin/sh", "-c", filled).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + filled);
                ran++;
                if (p.exitValue() > 1) failures.add(e.id() + ": " + cmd + " -> exit " + p.exitValue() + " " + out.strip());
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Ddx.execute(new String[] {"logs", "summarize", log.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, "ddx logs summarize FILE, as the catalog shows it, works: " + err);
        assertTrue(!out.toString().isBlank(), "ddx logs summarize printed a summary");
        Files.deleteIfExists(log);
        System.out.println("catalog logs commands: " + ran + " grep/tail commands ran on a real log");
        assertTrue(failures.isEmpty(), "logs commands that fail:\n" + String.join("\n", failures));
    }
}
