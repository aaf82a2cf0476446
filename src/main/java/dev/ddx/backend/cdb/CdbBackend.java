package dev.ddx.backend.cdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.error.UsageException;

/** Placeholder until live cdb lands; replaced by the real backend. */
public final class CdbBackend {
    private CdbBackend() {
    }

    public static DebuggerBackend open(TargetSpec.Cdb spec, BackendContext ctx) {
        throw new UsageException("live cdb is not available in this build");
    }
}
