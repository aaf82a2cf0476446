package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetThread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stack trace set: threads with identical stacks (the same functions in the same modules, frame by
 * frame), grouped. One finding listing every group of two or more threads, largest first.
 */
public final class StackTraceSetDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "stack-trace-set";
    }

    /** Threads grouped by identical stack, in order of first appearance; groups of one included. */
    public static List<List<TargetThread>> groups(Snapshot s) {
        Map<List<String>, List<TargetThread>> byStack = new LinkedHashMap<>();
        for (TargetThread t : s.threads()) byStack.computeIfAbsent(Stacks.functions(t), k -> new ArrayList<>()).add(t);
        return new ArrayList<>(byStack.values());
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        List<List<TargetThread>> shared = new ArrayList<>(groups(s).stream()
                .filter(g -> g.size() > 1 && !g.get(0).frames().isEmpty()).toList());
        if (shared.isEmpty()) return List.of();
        shared.sort((a, b) -> Integer.compare(b.size(), a.size()));
        List<Evidence> ev = new ArrayList<>();
        for (List<TargetThread> g : shared) {
            List<String> ids = g.stream().map(TargetThread::id).toList();
            String stack = String.join(" ← ", g.get(0).frames().stream().limit(6).map(f -> f.function()).toList())
                    + (g.get(0).frames().size() > 6 ? " ← …" : "");
            ev.add(Evidence.onThread("threads " + String.join(", ", ids) + " (" + g.size() + ") share the stack "
                    + stack, EvidenceSource.stacks(s), ids.get(0)));
        }
        int threads = shared.stream().mapToInt(List::size).sum();
        String title = threads + " threads share " + shared.size() + " identical stack" + (shared.size() == 1 ? "" : "s")
                + "; the largest group (" + shared.get(0).size() + ") is in "
                + Stacks.moduleBang(shared.get(0).get(0).frames().get(0));
        return List.of(new Finding("stack-trace-set", title, 1.0, ev));
    }
}
