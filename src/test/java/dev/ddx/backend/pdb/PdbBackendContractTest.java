package dev.ddx.backend.pdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.BackendContractTest;
import dev.ddx.backend.DebuggerBackend;

import java.nio.file.Files;
import java.nio.file.Path;

/** The backend contract for pdb, on the script that dies of a KeyError deep in a call chain. */
class PdbBackendContractTest extends BackendContractTest {

    @Override
    protected DebuggerBackend openCrash(BackendContext ctx) {
        PythonScenarios.assumePython();
        return PdbBackend.open(PythonScenarios.spec("deep_exception.py", 30, 0), ctx, PdbStdio.discard());
    }

    @Override
    protected RefusedCommand refusedCommand(Path scratch) {
        Path marker = scratch.resolve("pdb-ran-it");
        return new RefusedCommand("!open('" + marker + "', 'w').close()", () -> Files.exists(marker));
    }

    @Override
    protected String harmlessCommand() {
        return "w";
    }

    @Override
    protected String hangingCommand() {
        return "p __import__('time').sleep(120)";
    }

    @Override
    protected void killDebugger(DebuggerBackend backend) {
        Process p = ((PdbTransport) ((PdbBackend) backend).transport()).process();
        p.destroyForcibly();
        p.onExit().join();
    }
}
