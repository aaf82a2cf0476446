package dev.ddx.analysis;

import dev.ddx.catalog.Catalog;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.pattern.CpuUse;
import dev.ddx.pattern.DetectorRegistry;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.SnapshotDetector;
import dev.ddx.pattern.SpikingThreadDetector;
import dev.ddx.pattern.Stacks;
import dev.ddx.pattern.WaitForGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a snapshot into an {@link Analysis}: runs every snapshot detector, orders the findings by
 * importance, names the culprit frame, computes the signature and plans the next commands.
 * A detector that throws on odd input is skipped, never allowed to end the analysis.
 */
public final class Analyzer {
    private final List<SnapshotDetector> detectors;
    private final Optional<Catalog> catalog;

    public Analyzer(List<SnapshotDetector> detectors, Optional<Catalog> catalog) {
        this.detectors = List.copyOf(detectors);
        this.catalog = catalog;
    }

    /** Every registered snapshot detector and the shipped catalog (when it loads). */
    public static Analyzer standard() {
        Optional<Catalog> c;
        try {
            c = Optional.of(Catalog.load());
        } catch (RuntimeException e) {
            c = Optional.empty();
        }
        return new Analyzer(DetectorRegistry.snapshotDetectors(), c);
    }

    public Analysis analyze(Snapshot s) {
        List<Finding> findings = new ArrayList<>();
        for (SnapshotDetector d : detectors) {
            try {
                findings.addAll(d.detect(s));
            } catch (RuntimeException e) {
                // a detector bug must not hide what the other detectors found
            }
        }
        findings.sort(Importance.ORDERING);
        Optional<Culprit> culprit = culprit(s);
        String signature = Signature.of(s, findings, culprit);
        List<NextCommand> next = NextCommands.plan(s, findings, culprit, catalog);
        return new Analysis(s, findings, culprit, signature, next);
    }

    /**
     * The origin frame of the faulting thread (first frame of the program's own code, else its
     * innermost frame); without a fault, the first user frame of the first thread in a lock cycle,
     * else of a wait chain's root blocker, else of the busiest or first blocked thread.
     */
    static Optional<Culprit> culprit(Snapshot s) {
        Optional<TargetThread> faulting = Stacks.faultingThread(s);
        List<StackFrame> faultFrames = Stacks.faultFrames(s);
        if (s.exception().isPresent() && !faultFrames.isEmpty()) {
            String tid = faulting.map(TargetThread::id).or(() -> s.exception().get().threadId()).orElse("");
            Optional<StackFrame> user = Stacks.firstUserFrame(faultFrames);
            return Optional.of(user.map(f -> new Culprit(tid, f, "the innermost frame of the program's own code on the faulting thread"))
                    .orElse(new Culprit(tid, faultFrames.get(0), "the faulting frame (no frame of the program's own code)")));
        }
        WaitForGraph g = WaitForGraph.of(s);
        List<WaitForGraph.Cycle> cycles = g.cycles();
        if (!cycles.isEmpty()) return userFrameOf(s, cycles.get(0).threads().get(0), "a thread of the lock cycle");
        List<WaitForGraph.Chain> chains = g.chains();
        if (!chains.isEmpty()) {
            Optional<Culprit> c = userFrameOf(s, chains.get(0).root(), "the root blocker of the wait chain");
            if (c.isPresent()) return c;
        }
        Optional<String> busy = SpikingThreadDetector.busy(s).stream().findFirst().map(CpuUse::thread);
        if (busy.isPresent()) return userFrameOf(s, busy.get(), "the thread that uses the most CPU");
        for (WaitForGraph.Link l : g.links()) {
            Optional<Culprit> c = userFrameOf(s, l.waiter(), "a thread blocked on a lock");
            if (c.isPresent()) return c;
        }
        return Optional.empty();
    }

    private static Optional<Culprit> userFrameOf(Snapshot s, String threadId, String why) {
        return s.thread(threadId).flatMap(t -> Stacks.firstUserFrame(t.frames())
                .map(f -> new Culprit(t.id(), f, "the innermost frame of the program's own code on " + why)));
    }
}
