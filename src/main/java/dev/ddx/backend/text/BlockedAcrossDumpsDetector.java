package dev.ddx.backend.text;

import dev.ddx.model.CounterSeries;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetThread;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.SnapshotDetector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A thread that is BLOCKED in every one of several thread dumps taken in a row (the
 * {@link Timeline#BLOCKED} series): not a momentary contention but a thread that does not move.
 * Each finding names the lock it waits for and its owner when the last dump shows them.
 */
public final class BlockedAcrossDumpsDetector implements SnapshotDetector {

    @Override
    public String id() {
        return "blocked-across-dumps";
    }

    @Override
    public Set<String> emits() {
        return Set.of("blocked-thread");
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        List<Finding> out = new ArrayList<>();
        for (CounterSeries c : s.counters()) {
            if (!c.name().equals(Timeline.BLOCKED) || c.samples().size() < 2) continue;
            if (!c.samples().stream().allMatch(x -> x.value() >= 1)) continue;
            String label = s.thread(c.subject()).map(TargetThread::label).orElse("thread " + c.subject());
            String source = s.input().kind();
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(Evidence.onThread(label + " is BLOCKED in all " + c.samples().size() + " dumps ("
                    + s.input().description() + ")", source, c.subject()));
            for (LockInfo l : s.locks()) {
                if (!l.waiters().contains(c.subject())) continue;
                String owner = l.owner().map(o -> s.thread(o).map(TargetThread::label).orElse("thread " + o))
                        .orElse("an owner the dump does not show");
                evidence.add(Evidence.onThread("in the last dump it waits for " + l.label() + ", held by " + owner,
                        source, c.subject()));
            }
            s.thread(c.subject()).flatMap(TargetThread::top).ifPresent(f -> evidence.add(
                    Evidence.onFrame("it waits in " + f.label(), source, c.subject(), f.index())));
            out.add(new Finding("blocked-thread", label + " stayed blocked across " + c.samples().size() + " dumps",
                    0.9, evidence));
        }
        return out;
    }
}
