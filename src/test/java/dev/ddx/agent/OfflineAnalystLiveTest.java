package dev.ddx.agent;

import dev.ddx.backend.pdb.PythonScenarios;
import dev.ddx.cli.Ddx;
import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline analyst end to end through {@code ddx chat --ask} on the real scenarios: cores and
 * programs under the real gdb, scripts under the real pdb driver, saved thread dumps.
 */
class OfflineAnalystLiveTest {
    @TempDir
    Path home;

    record Result(int exit, String out, String err) {
    }

    private Result chat(String... args) {
        List<String> all = new ArrayList<>(List.of("chat", "--no-transcript"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Ddx.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        System.out.println(out);
        return new Result(exit, out.toString(), err.toString());
    }

    private static void shaped(String answer) {
        int p = answer.indexOf("\nPatterns:\n"), n = answer.indexOf("\nNext:\n"), f = answer.indexOf("\nFix:\n");
        assertTrue(p > 0 && n > p && f > n, "every answer ends in Patterns, Next, Fix:\n" + answer);
    }

    @Test
    void aNullPointerCoreIsExplainedWithTheBadPointer() {
        NativeScenarios.assumeToolchain();
        Path core = NativeScenarios.core("null_deref");
        Result r = chat("--core", core.toString(), "--exe", NativeScenarios.binary("null_deref").toString(),
                "--ask", "why did it crash?", "--ask", "how do I fix it?", "--ask", "what should I run next?");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("It stopped on SIGSEGV"), r.out());
        assertTrue(r.out().contains("The bad pointer: `"), r.out());
        assertTrue(r.out().contains("- crash: "), r.out());
        shaped(r.out());
    }

    @Test
    void aDeadlockedProgramNamesTheCycleAndWhatEachThreadWaitsFor() {
        NativeScenarios.assumeToolchain();
        Result r = chat("--run", "--hang-after", "2", "--ask", "what is blocking?", "--ask", "what is thread 2 waiting for?",
                "--", NativeScenarios.binary("deadlock").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("- deadlock: "), r.out());
        assertTrue(r.out().contains("waits for pthread_mutex"), r.out());
        shaped(r.out());
    }

    @Test
    void aSpinningProgramIsAnswered() {
        NativeScenarios.assumeToolchain();
        Result r = chat("--run", "--hang-after", "2", "--ask", "which thread spins?", "--", NativeScenarios.binary("spinner").toString());
        assertEquals(0, r.exit(), r.err());
        shaped(r.out());
    }

    @Test
    void aLeakingProcessIsObserved() throws Exception {
        NativeScenarios.assumeToolchain();
        try (NativeScenarios.LiveProcess p = NativeScenarios.start("mem_leak").settle(java.time.Duration.ofMillis(500))) {
            Result r = chat("--pid", String.valueOf(p.pid()), "--observe", "3", "--ask", "is this a leak?");
            Assumptions.assumeTrue(r.exit() != 3, "cannot attach here (ptrace scope): " + r.err());
            assertEquals(0, r.exit(), r.err());
            shaped(r.out());
        }
    }

    @Test
    void aPythonExceptionIsExplained() {
        PythonScenarios.assumePython();
        Result r = chat("--python", PythonScenarios.script("chained_exceptions.py").toString(), "--ask", "why did it crash?");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("It stopped on "), r.out());
        shaped(r.out());
    }

    @Test
    void aPythonDeadlockIsExplained() {
        PythonScenarios.assumePython();
        Result r = chat("--python", PythonScenarios.script("rlock_deadlock.py").toString(), "--hang-after", "3",
                "--ask", "what is blocking?");
        assertEquals(0, r.exit(), r.err());
        shaped(r.out());
    }

    @Test
    void aLogIncidentIsExplainedAndTheLogsCanBeSearched() {
        String dir = System.getProperty("ddx.fixtures.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "the shared fixtures are not here");
        Result r = chat("--log", Path.of(dir, "loghub", "Zookeeper", "Zookeeper_2k.log").toString(),
                "--ask", "what happened?", "--ask", "what do the logs say?");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("events from 1 source"), r.out());
        shaped(r.out());
    }

    @Test
    void aCoreAndALogTogether() {
        NativeScenarios.assumeToolchain();
        String dir = System.getProperty("ddx.fixtures.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "the shared fixtures are not here");
        Result r = chat("--core", NativeScenarios.core("null_deref").toString(), "--exe", NativeScenarios.binary("null_deref").toString(),
                "--log", Path.of(dir, "loghub", "Apache", "Apache_2k.log").toString(), "--ask", "what happened?");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("logs "), r.out());
        shaped(r.out());
    }

    @Test
    void aJstackDeadlockIsExplained() {
        String dir = System.getProperty("ddx.fixtures.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "the shared fixtures are not here");
        Result r = chat("--dump", Path.of(dir, "java-dumps", "deadlock.txt").toString(), "--ask", "what is blocking?",
                "--ask", "how do I fix it?");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("- deadlock: "), r.out());
        shaped(r.out());
    }
}
