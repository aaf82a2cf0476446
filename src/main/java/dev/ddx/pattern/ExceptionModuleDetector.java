package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;

import java.util.List;

/** Exception module: the module of the faulting frame (the innermost frame of the fault). */
public final class ExceptionModuleDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "exception-module";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        if (s.exception().isEmpty()) return List.of();
        List<StackFrame> frames = Stacks.faultFrames(s);
        if (frames.isEmpty() || frames.get(0).module().isEmpty()) return List.of();
        StackFrame top = frames.get(0);
        String thread = Stacks.faultingThread(s).map(TargetThread::id).or(() -> s.exception().get().threadId()).orElse("");
        String module = Stacks.shortModule(top.module());
        String fact = "the faulting frame " + Stacks.where(top) + " belongs to " + top.module()
                + " (" + top.owner().name().toLowerCase() + " code)";
        Evidence e = thread.isEmpty() ? Evidence.of(fact, EvidenceSource.stacks(s))
                : Evidence.onFrame(fact, EvidenceSource.stacks(s), thread, top.index());
        return List.of(new Finding("exception-module", "Exception module: " + module + " (" + top.function() + ")",
                1.0, List.of(e)));
    }
}
