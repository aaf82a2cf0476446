package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Origin module: the innermost frame of the program's own code on the faulting stack
 * ({@link dev.ddx.model.CodeOwner#USER}) — where the bug most likely is, even when the fault is
 * raised inside a library. Works alike for native, Python and Java frames.
 */
public final class OriginModuleDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "origin-module";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        if (s.exception().isEmpty()) return List.of();
        List<StackFrame> frames = Stacks.faultFrames(s);
        Optional<StackFrame> user = Stacks.firstUserFrame(frames);
        if (user.isEmpty()) return List.of();
        StackFrame f = user.get();
        String thread = Stacks.faultingThread(s).map(TargetThread::id).or(() -> s.exception().get().threadId()).orElse("");
        List<Evidence> ev = new ArrayList<>();
        String fact = Stacks.where(f) + " is the innermost frame of the program's own code"
                + (f.index() == 0 ? " and the faulting frame itself"
                : ", " + f.index() + " frame" + (f.index() == 1 ? "" : "s") + " below the fault in "
                + Stacks.moduleBang(frames.get(0)));
        ev.add(thread.isEmpty() ? Evidence.of(fact, EvidenceSource.stacks(s))
                : Evidence.onFrame(fact, EvidenceSource.stacks(s), thread, f.index()));
        String module = Stacks.shortModule(f.module());
        String title = "Origin module: " + (module.isEmpty() ? "" : module + ", ") + f.label();
        return List.of(new Finding("origin-module", title, 0.9, ev));
    }
}
