package dev.ddx.backend.cdb;

import dev.ddx.backend.pdb.PdbDriver;
import dev.ddx.backend.pdb.PythonScenarios;
import dev.ddx.backend.text.Fixtures;
import dev.ddx.error.DebuggerTimeoutException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CdbTransportTest {

    private static CdbTransport standin(String fixture) throws Exception {
        PythonScenarios.assumePython(); // the cdb stand-in is a Python script
        Path script = Path.of(CdbTransportTest.class.getResource("/cdb/cdb_standin.py").toURI());
        return new CdbTransport(List.of(PdbDriver.python(), script.toString(), Fixtures.shared(fixture).toString()));
    }

    @Test
    void aReplyEndsAtItsOwnMarkerWithoutPrompts() throws Exception {
        try (CdbTransport t = standin("cdb/deadlock_session.txt")) {
            String locks = t.exchange("!locks", Duration.ofSeconds(20));
            assertTrue(locks.startsWith("CritSec ftpsvc2!g_csServiceEntryLock+0 at 6833dd68"), locks);
            assertFalse(locks.contains("DDX_END"), locks);
            assertFalse(locks.contains("0:000>"), locks);
        }
    }

    @Test
    void afterATimeoutTheLateReplyIsNeverTakenForTheNextCommand() throws Exception {
        try (CdbTransport t = standin("cdb/deadlock_session.txt")) {
            assertThrows(DebuggerTimeoutException.class, () -> t.exchange("!stall 3", Duration.ofMillis(500)));
            String threads = t.exchange("~", Duration.ofSeconds(20));
            assertTrue(threads.strip().startsWith("0  Id: 1364.1330"), threads);
            assertFalse(threads.contains("DDX_"), threads);
            assertTrue(t.alive());
        }
    }
}
