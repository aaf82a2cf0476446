package dev.ddx.backend.text;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.error.UsageException;

/** Placeholder until saved debugger text lands; replaced by the real backend. */
public final class TextDumpBackend {
    private TextDumpBackend() {
    }

    public static DebuggerBackend open(TargetSpec.Dump spec, BackendContext ctx) {
        throw new UsageException("saved debugger text is not available in this build");
    }
}
