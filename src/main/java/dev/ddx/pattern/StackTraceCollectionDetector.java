package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetThread;

import java.util.ArrayList;
import java.util.List;

/** Stack trace collection: the stacks of every thread were collected; says how many and where each stands. */
public final class StackTraceCollectionDetector implements SnapshotDetector {
    private static final int LISTED = 16;

    @Override
    public String id() {
        return "stack-trace-collection";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        List<TargetThread> withStacks = s.threads().stream().filter(t -> !t.frames().isEmpty()).toList();
        if (withStacks.isEmpty()) return List.of();
        List<Evidence> ev = new ArrayList<>();
        for (TargetThread t : withStacks.subList(0, Math.min(LISTED, withStacks.size()))) {
            String fact = t.label() + ": " + t.depth() + " frame" + (t.depth() == 1 ? "" : "s") + ", innermost "
                    + Stacks.moduleBang(t.frames().get(0))
                    + (t.truncated() ? " (stack cut to " + t.frames().size() + " frames)" : "");
            ev.add(Evidence.onThread(fact, EvidenceSource.stacks(s), t.id()));
        }
        if (withStacks.size() > LISTED) {
            ev.add(Evidence.of((withStacks.size() - LISTED) + " more threads with stacks", EvidenceSource.stacks(s)));
        }
        String title = "Stacks of " + withStacks.size() + " of " + s.threads().size() + " thread"
                + (s.threads().size() == 1 ? "" : "s") + " collected";
        return List.of(new Finding("stack-trace-collection", title, 1.0, ev));
    }
}
