package dev.ddx.backend.cdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.BackendContractTest;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.text.Fixtures;
import org.junit.jupiter.api.Assumptions;

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
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) || Files.exists(Path.of("/usr/bin/python3")),
                "python3 is needed for the cdb stand-in");
        Path session = Fixtures.shared("cdb/analyze-v_user_breakpoint.txt");
        CdbTransport t = new CdbTransport(List.of("python3", standin().toString(), session.toString()));
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
