package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blocked thread: threads waiting to acquire a lock. From the wait-for graph when the backend read
 * the locks; otherwise from threads the backend marked {@link ThreadState#BLOCKED} (lower confidence,
 * the lock is not known).
 */
public final class BlockedThreadDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "blocked-thread";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        WaitForGraph g = WaitForGraph.of(s);
        List<Evidence> ev = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (WaitForGraph.Link l : g.links()) {
            ev.add(LockLinks.evidence(s, LockLinks.sentence(s, l), l.waiter()));
            ids.add(l.waiter());
        }
        boolean fromLocks = !ev.isEmpty();
        for (TargetThread t : s.threads()) {
            if (t.state() != ThreadState.BLOCKED || ids.contains(t.id())) continue;
            Optional<StackFrame> top = t.top();
            String fact = t.label() + " is blocked on a lock" + top.map(f -> " in " + Stacks.moduleBang(f)).orElse("")
                    + LockLinks.userFrame(s, t.id()).map(f -> ", called from " + f.label()).orElse("")
                    + " (which lock was not read)";
            ev.add(Evidence.onThread(fact, EvidenceSource.stacks(s), t.id()));
            ids.add(t.id());
        }
        if (ev.isEmpty()) return List.of();
        String title = ids.size() == 1 ? "Thread " + ids.get(0) + " is blocked waiting for a lock"
                : ids.size() + " threads are blocked waiting for locks (threads " + String.join(", ", ids) + ")";
        return List.of(new Finding("blocked-thread", title, fromLocks ? 1.0 : 0.7, ev));
    }
}
