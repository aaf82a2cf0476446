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
