package dev.ddx.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DdxTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ddx.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String c : new String[] {"summarize", "demo", "patterns", "logs", "chat", "models", "replay"}) {
            assertTrue(r.out().contains(c), "help lists " + c + ":\n" + r.out());
        }
    }

    @Test
    void aCommandReadsTheSameWhetherItIsNamedFirstOrAfterHelpOrAnOption() {
        Run direct = run("logs", "--help");
        Run viaHelp = run("help", "logs");
        assertEquals(0, direct.code());
        assertEquals(direct.out(), viaHelp.out(), "`ddx logs --help` and `ddx help logs` say the same");
        assertTrue(direct.out().startsWith("Usage: ddx logs "), direct.out());
        Run debug = run("--debug", "summarize");
        assertEquals(2, debug.code());
        assertTrue(debug.err().contains("no target given") && debug.err().contains("\tat "), debug.err());
        Run none = run();
        assertEquals(0, none.code());
        assertTrue(none.out().contains("patterns") && none.out().contains("replay"), none.out());
    }

    @Test
    void aMisspeltCommandIsAUsageErrorThatSuggestsTheRightOne() {
        Run r = run("logz", "summarize");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("ddx: ") && r.err().contains("logz"), r.err());
        assertTrue(r.err().contains("logs"), "the nearest command is suggested: " + r.err());
    }

    @Test
    void anUnknownOptionIsAUsageErrorInOneLineWithAHint() {
        Run r = run("--no-such-option");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("ddx: "), r.err());
        assertTrue(r.err().contains("--help"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void summarizeWithoutATargetSaysWhatToName() {
        Run r = run("summarize");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no target given"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aMissingCoreFileIsNamed() {
        Run r = run("summarize", "--core", "/nonexistent/core.1", "--exe", "/bin/true");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("/nonexistent/core.1 does not exist"), r.err());
    }

    @Test
    void coreWithoutExeIsAUsageError() {
        Run r = run("summarize", "--core", "/bin/true");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--core needs --exe"), r.err());
    }

    @Test
    void twoTargetsAreRefused() {
        Run r = run("summarize", "--pid", "1", "--dump", "/bin/true");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("more than one target"), r.err());
    }

    @Test
    void versionIsPrinted() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("ddx "), r.out());
    }
}
