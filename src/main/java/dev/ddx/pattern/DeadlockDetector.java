package dev.ddx.pattern;

import dev.ddx.model.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Deadlock: a cycle in the wait-for graph. Every thread and lock of the cycle is named; the
 * cycle is read from the locks' owners and waiters, so the confidence is 1.
 */
public final class DeadlockDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "deadlock";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        List<Finding> out = new ArrayList<>();
        for (WaitForGraph.Cycle c : WaitForGraph.of(s).cycles()) {
            List<Evidence> ev = new ArrayList<>();
            for (WaitForGraph.Link l : c.links()) ev.add(LockLinks.evidence(s, LockLinks.sentence(s, l), l.waiter()));
            List<String> names = c.threads().stream().map(t -> "thread " + t).toList();
            String title = "Deadlock: " + joinAnd(names) + " each hold a lock "
                    + (names.size() > 2 ? "the next one in the cycle" : "the other") + " waits for (" + c.links().size() + " locks in a cycle)";
            out.add(new Finding("deadlock", title, 1.0, ev));
        }
        return out;
    }

    static String joinAnd(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
