package dev.ddx.backend.gdb;

import dev.ddx.error.DebuggerException;
import dev.ddx.error.DebuggerTimeoutException;
import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MI transport. Protocol edges real gdb cannot be made to produce on demand (a stray reply
 * with an old token, dying mid-command) are played by a few lines of Python speaking MI; the
 * timeout is tested on the real gdb.
 */
class GdbMiTransportTest {
    /** Answers each "Ncommand" line; "stale" first prints a reply to an older token, "run" resumes, "die" exits. */
    private static final String FAKE = String.join("\n",
            "import sys, re",
            "print('(gdb)', flush=True)",
            "for line in sys.stdin:",
            "    m = re.match(r'(\\d+)(.*)', line.strip())",
            "    tok, cmd = m.group(1), m.group(2)",
            "    if cmd == 'die': sys.exit(7)",
            "    if cmd == 'stale': print('~\"old output\\\\n\"'); print(str(int(tok) - 1) + '^done,late=\"1\"')",
            "    if cmd == 'run': print(tok + '^running'); print('*running,thread-id=\"all\"'); print('(gdb)'); continue",
            "    if cmd == '-gdb-show confirm': print('*stopped,reason=\"exited-normally\"')",
            "    print('~\"answer to ' + cmd + '\\\\n\"'); print(tok + '^done'); print('(gdb)', flush=True)");

    private static GdbMiTransport fake() {
        return GdbMiTransport.start(List.of("python3", "-u", "-c", FAKE));
    }

    @Test
    void aReplyWithAnOlderTokenIsDropped() {
        try (GdbMiTransport t = fake()) {
            String r = t.exchange("stale", Duration.ofSeconds(20));
            assertFalse(r.contains("old output"), r);
            assertFalse(r.contains("late"), r);
            assertEquals("answer to stale\n", GdbMiParser.reply(r).console());
        }
    }

    @Test
    void aCommandThatResumesTheProgramEndsWhenItStopsAgain() {
        try (GdbMiTransport t = fake()) {
            String r = t.exchange("run", Duration.ofSeconds(20));
            assertTrue(r.contains("^running"), r);
            assertTrue(r.contains("*stopped,reason=\"exited-normally\""), r);
            assertEquals("done", GdbMiParser.reply(r).resultClass());
            assertEquals("answer to next\n", GdbMiParser.reply(t.exchange("next", Duration.ofSeconds(20))).console());
        }
    }

    @Test
    void aDeadDebuggerGivesTheSameErrorEveryTime() {
        try (GdbMiTransport t = fake()) {
            DebuggerException first = assertThrows(DebuggerException.class, () -> t.exchange("die", Duration.ofSeconds(20)));
            assertTrue(first.getMessage().startsWith("gdb exited unexpectedly (exit status 7)"), first.getMessage());
            assertFalse(t.alive());
            DebuggerException second = assertThrows(DebuggerException.class, () -> t.exchange("x", Duration.ofSeconds(20)));
            assertEquals(first.getMessage(), second.getMessage());
        }
    }

    @Test
    void aStuckCommandIsInterruptedAndTheSessionGoesOn() {
        NativeScenarios.assumeGdb();
        try (GdbMiTransport t = GdbMiTransport.start()) {
            DebuggerTimeoutException e = assertThrows(DebuggerTimeoutException.class, () -> t.exchange(
                    "-interpreter-exec console " + GdbMiParser.quote("python import time; time.sleep(60)"), Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("within 1 s; it was interrupted"), e.getMessage());
            assertTrue(t.alive());
            assertTrue(t.exchange("-gdb-show confirm", Duration.ofSeconds(20)).contains("^done,value="));
        }
    }
}
