package dev.ddx.backend.gdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.error.UsageException;

/** Placeholder until the gdb backend lands; replaced by the real backend. */
public final class GdbBackend {
    private GdbBackend() {
    }

    public static DebuggerBackend open(TargetSpec.Core spec, BackendContext ctx) {
        throw new UsageException("the gdb backend is not available in this build");
    }

    public static DebuggerBackend open(TargetSpec.Pid spec, BackendContext ctx) {
        throw new UsageException("the gdb backend is not available in this build");
    }

    public static DebuggerBackend open(TargetSpec.Run spec, BackendContext ctx) {
        throw new UsageException("the gdb backend is not available in this build");
    }
}
