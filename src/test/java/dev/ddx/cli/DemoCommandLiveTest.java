package dev.ddx.cli;

import dev.ddx.error.UsageException;
import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ddx demo}: the bundled bank program is built with the real gcc, deadlocks under the real gdb, and is summarised. */
class DemoCommandLiveTest {

    @Test
    void theDemoBuildsRunsAndSummarisesTheDeadlock() {
        NativeScenarios.assumeToolchain();
        Summaries.Result r = Summaries.ddx("demo", "--hang-after", "2", "--no-transcript");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(r.err().startsWith("ddx demo: built "), r.err());
        assertTrue(out.startsWith("# ddx summary: deadlock"), out);
        assertTrue(out.contains("1. **deadlock** — Deadlock: thread 2 and thread 3 each hold a lock the other waits for"), out);
        assertTrue(out.contains("accounts_lock") && out.contains("ledger_lock"), out);
        assertTrue(out.contains("in transfer_funds at ") && out.contains("in audit_ledger at "), out);
        assertTrue(out.contains("Signature: `deadlock/-/deadlock!audit_ledger+deadlock!transfer_funds`"), out);
        assertTrue(out.contains(">    23 |     pthread_mutex_lock(&ledger_lock);")
                || out.contains(">    35 |     pthread_mutex_lock(&accounts_lock);"), out);
    }

    @Test
    void theDemoCanPrintJson() {
        NativeScenarios.assumeToolchain();
        Summaries.Result r = Summaries.ddx("demo", "--hang-after", "2", "--format", "json", "--no-transcript");
        assertEquals(0, r.code(), r.err());
        assertEquals("deadlock", r.json().get("findings").get(0).get("pattern").asText(), r.out());
    }

    @Test
    void aMissingToolIsNamedWithAnInstallHint() {
        UsageException e = assertThrows(UsageException.class,
                () -> DemoCommand.requireTool("ddx-no-such-compiler", "install it"));
        assertEquals("ddx-no-such-compiler is not installed (not found on PATH); ddx demo needs it", e.getMessage());
        assertEquals("install it", e.hint());
    }
}
