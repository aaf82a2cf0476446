package dev.ddx.backend.pdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.cli.Ddx;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.ProcessBuilder.Redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts that are missing, broken or awkward: one clear line or a correct summary, never a hang of ddx. */
class PythonBadInputLiveTest {
    private static String previousStdio;

    @BeforeAll
    static void python() {
        PythonScenarios.assumePython();
        previousStdio = System.getProperty("ddx.pdb.stdio");
        System.setProperty("ddx.pdb.stdio", "discard");
    }

    @AfterAll
    static void restore() {
        if (previousStdio == null) System.clearProperty("ddx.pdb.stdio");
        else System.setProperty("ddx.pdb.stdio", previousStdio);
    }

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ddx.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void aScriptThatDoesNotExistIsAUsageErrorInOneLine() {
        String[] r = run("summarize", "--python", "/no/such/dir/app.py");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("ddx: script /no/such/dir/app.py does not exist"), r[2]);
        assertEquals("", r[1]);
    }

    @Test
    void aSyntaxErrorIsReportedAsTheProgramsErrorWithFileAndLine() {
        String[] r = run("summarize", "--python", PythonScenarios.script("syntax_error.py").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("SyntaxError"), r[1]);
        assertTrue(r[1].contains("syntax_error.py:1"), r[1]);
    }

    @Test
    void aScriptThatReadsStdinSeesEndOfFileWhenThereIsNoInput() {
        try (PdbBackend b = PythonScenarios.open(PythonScenarios.spec("reads_stdin.py", 20, 0))) {
            Snapshot s = b.snapshot();
            assertEquals(TargetProcess.ProcessState.EXITED, s.process().state());
            assertEquals(0, s.process().exitCode().orElseThrow());
        }
    }

    @Test
    void aScriptWaitingOnStdinThatNeverClosesIsAHangInIoWait() {
        PdbStdio open = new PdbStdio(Redirect.PIPE, Redirect.DISCARD, Redirect.DISCARD);
        try (PdbBackend b = PdbBackend.open(PythonScenarios.spec("reads_stdin.py", 1.5, 0), BackendContext.headless(), open)) {
            Snapshot s = b.snapshot();
            assertEquals(TargetProcess.ProcessState.HUNG, s.process().state());
            assertEquals(ThreadState.IO_WAIT, s.threads().get(0).state(), s.threads().toString());
            assertEquals("data = sys.stdin.read()", s.threads().get(0).top().orElseThrow().sourceText().orElseThrow());
        }
    }

    @Test
    void aScriptThatForksIsFollowedInTheParentOnly() {
        String[] r = run("summarize", "--format", "json", "--python", PythonScenarios.script("forks.py").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"managed-code-exception\""), r[1]);
        assertTrue(r[1].contains("parent failed after the child ended"), r[1]);
    }

    @Test
    void aScriptThatCallsOsExitEndsWithItsStatusAndAClearNote() {
        try (PdbBackend b = PythonScenarios.open(PythonScenarios.spec("hard_exit.py", 20, 0))) {
            Snapshot s = b.snapshot();
            assertEquals(TargetProcess.ProcessState.EXITED, s.process().state());
            assertEquals(7, s.process().exitCode().orElseThrow());
            assertTrue(s.input().notes().get(0).contains("ended with exit status 7"), s.input().notes().toString());
            assertTrue(s.threads().isEmpty());
        }
        String[] r = run("summarize", "--python", PythonScenarios.script("hard_exit.py").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("7"), r[1]);
    }

    @Test
    void aScriptThatPrintsWithoutEndIsStoppedAtTheHangLimit() {
        long t0 = System.nanoTime();
        String[] r = run("summarize", "--format", "json", "--hang-after", "2", "--python",
                PythonScenarios.script("endless_print.py").toString());
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"state\" : \"hung\"") || r[1].contains("\"state\":\"hung\""), r[1]);
        assertTrue(r[1].contains("endless_print.py"), r[1]);
        assertTrue(seconds < 60, "ddx returned after " + seconds + " s");
        assertTrue(!r[1].contains("\"deadlock\""), r[1]);
    }

}
