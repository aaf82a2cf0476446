package dev.ddx.backend.pdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.error.UsageException;

/** Placeholder until the pdb driver lands; replaced by the real backend. */
public final class PdbBackend {
    private PdbBackend() {
    }

    public static DebuggerBackend open(TargetSpec.Python spec, BackendContext ctx) {
        throw new UsageException("the pdb driver is not available in this build");
    }
}
