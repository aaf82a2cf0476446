package dev.ddx.backend;

import dev.ddx.backend.cdb.CdbBackend;
import dev.ddx.backend.gdb.GdbBackend;
import dev.ddx.backend.pdb.PdbBackend;
import dev.ddx.backend.text.TextDumpBackend;
import dev.ddx.error.UsageException;

/** Opens the backend that fits a target. */
public final class Backends {
    private Backends() {
    }

    public static DebuggerBackend open(TargetSpec spec, BackendContext ctx) {
        // Java 17: no pattern matching in switch yet
        if (spec instanceof TargetSpec.Core c) return GdbBackend.open(c, ctx);
        if (spec instanceof TargetSpec.Pid p) return GdbBackend.open(p, ctx);
        if (spec instanceof TargetSpec.Run r) return GdbBackend.open(r, ctx);
        if (spec instanceof TargetSpec.Python p) return PdbBackend.open(p, ctx);
        if (spec instanceof TargetSpec.Dump d) return TextDumpBackend.open(d, ctx);
        if (spec instanceof TargetSpec.Cdb c) return CdbBackend.open(c, ctx);
        throw new UsageException("a transcript is not a live target",
                "use ddx summarize --from-transcript FILE, or ddx replay FILE");
    }
}
