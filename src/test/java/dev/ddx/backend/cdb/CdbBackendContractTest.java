package dev.ddx.backend.cdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.BackendContractTest;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.pdb.PdbDriver;
import dev.ddx.backend.pdb.PythonScenarios;
import dev.ddx.backend.text.Fixtures;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The backend contract for live cdb, run against a stand-in process (src/test/resources/cdb/cdb_standin.py)
 * that speaks cdb's prompt protocol and replays the cdb output published in Microsoft's documentation.
 */
class CdbBackendContractTest extends BackendContractTest {

    private static Path standin() {
        try {
            return Path.of(CdbBackendContractTest.class.getResource("/cdb/cdb_standin.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected DebuggerBackend openCrash(BackendContext ctx) {
        PythonScenarios.assumePython(); // the cdb stand-in is a Python script
        Path session = Fixtures.shared("cdb/analyze-v_user_breakpoint.txt");
        CdbTransport t = new CdbTransport(List.of(PdbDriver.python(), standin().toString(), session.toString()));
        return new CdbBackend(t, ctx, "cdb stand-in on " + session.getFileName());
    }

    @Override
    protected RefusedCommand refusedCommand(Path scratch) {
        Path trace = scratch.resolve("shell-ran");
        return new RefusedCommand(".shell touch " + trace, () -> Files.exists(trace));
    }

    @Override
    protected String harmlessCommand() {
        return "!analyze -v";
    }

    @Override
    protected String hangingCommand() {
        return "!stall 600";
    }

    @Override
    protected void killDebugger(DebuggerBackend backend) {
        ((CdbTransport) ((CdbBackend) backend).transport()).process().destroyForcibly();
    }
}
