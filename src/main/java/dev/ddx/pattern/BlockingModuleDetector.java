package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blocking module: the module whose code the root blocker of a wait chain is stuck in, holding
 * locks others wait for. Named by the root's innermost frame and its first frame of the program's
 * own code (where the program called into it).
 */
public final class BlockingModuleDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "blocking-module";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        WaitForGraph g = WaitForGraph.of(s);
        List<Finding> out = new ArrayList<>();
        for (WaitForGraph.Chain c : g.chains()) {
            Optional<TargetThread> root = s.thread(c.root());
            Optional<StackFrame> top = root.flatMap(TargetThread::top);
            if (top.isEmpty() || top.get().module().isEmpty()) continue;
            String module = Stacks.shortModule(top.get().module());
            List<Evidence> ev = new ArrayList<>();
            ev.add(Evidence.onFrame(LockLinks.threadLabel(s, c.root()) + " is in " + Stacks.moduleBang(top.get())
                    + " while holding " + g.held(c.root()).size() + " lock(s) that " + c.waiters().size()
                    + " thread(s) wait for", EvidenceSource.stacks(s), c.root(), top.get().index()));
            LockLinks.userFrame(s, c.root()).ifPresent(f -> ev.add(Evidence.onFrame(
                    "the program entered it from " + Stacks.where(f), EvidenceSource.stacks(s), c.root(), f.index())));
            out.add(new Finding("blocking-module", "Blocking module: " + module + " (" + top.get().function()
                    + ") holds up " + c.waiters().size() + " thread(s) through thread " + c.root(), 0.7, ev));
        }
        return out;
    }
}
