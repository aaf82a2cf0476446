package dev.ddx.backend.gdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.BackendContractTest;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.testing.NativeScenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The backend contract for gdb, on the core of the null-dereference scenario. */
class GdbBackendContractTest extends BackendContractTest {

    @Override
    protected DebuggerBackend openCrash(BackendContext ctx) {
        NativeScenarios.assumeToolchain();
        return GdbBackend.open(new TargetSpec.Core(NativeScenarios.core("null_deref"), NativeScenarios.binary("null_deref")), ctx);
    }

    @Override
    protected RefusedCommand refusedCommand(Path scratch) {
        Path marker = scratch.resolve("gdb-ran-it");
        return new RefusedCommand("shell touch " + marker, () -> Files.exists(marker));
    }

    @Override
    protected String harmlessCommand() {
        return "bt";
    }

    @Override
    protected String hangingCommand() {
        return "python import time; time.sleep(120)";
    }

    @Override
    protected void killDebugger(DebuggerBackend backend) {
        long pid = ((GdbMiTransport) ((GdbBackend) backend).transport()).pid();
        NativeScenarios.run(List.of("kill", "-9", Long.toString(pid)), java.time.Duration.ofSeconds(10));
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
    }
}
