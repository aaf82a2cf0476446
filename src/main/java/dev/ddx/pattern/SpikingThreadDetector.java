package dev.ddx.pattern;

import dev.ddx.model.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Spiking thread: a thread that burns CPU. Observed: half a CPU over the window, or — since on a
 * loaded machine a spinning thread may get far less than a core — a tenth of a CPU that is at
 * least half of all the CPU the process used in the window. From one sample only: a thread with at
 * least a second of CPU and most of the process's total (lower confidence).
 */
public final class SpikingThreadDetector implements SnapshotDetector {
    static final double BUSY_SHARE = 0.5;
    static final double MIN_SHARE = 0.10;

    @Override
    public String id() {
        return "spiking-thread";
    }

    /** The spiking threads, busiest first. */
    public static List<CpuUse> busy(Snapshot s) {
        List<CpuUse> uses = CpuUse.of(s);
        List<CpuUse> busy = new ArrayList<>();
        boolean observed = uses.stream().anyMatch(CpuUse::observed);
        if (observed) {
            double total = uses.stream().filter(CpuUse::observed).mapToDouble(CpuUse::usedMs).sum();
            uses.stream().filter(u -> u.observed() && (u.share() >= BUSY_SHARE
                    || u.share() >= MIN_SHARE && u.usedMs() >= 0.5 * total)).forEach(busy::add);
        } else if (s.threads().size() > 1) {
            double total = uses.stream().mapToDouble(CpuUse::usedMs).sum();
            uses.stream().filter(u -> u.usedMs() >= 1000 && u.usedMs() >= 0.6 * total).forEach(busy::add);
        }
        busy.sort((a, b) -> Double.compare(b.usedMs(), a.usedMs()));
        return busy;
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        List<CpuUse> busy = busy(s);
        if (busy.isEmpty()) return List.of();
        boolean observed = busy.get(0).observed();
        List<Finding> out = new ArrayList<>();
        for (CpuUse u : busy) {
            List<Evidence> ev = new ArrayList<>();
            ev.add(Evidence.onThread(LockLinks.threadLabel(s, u.thread()) + " used " + u.describe(),
                    EvidenceSource.counters(s, "cpu"), u.thread()));
            s.thread(u.thread()).flatMap(t -> Stacks.firstUserFrame(t.frames())).ifPresent(f -> ev.add(
                    Evidence.onFrame("its stack is in the program's " + Stacks.where(f), EvidenceSource.stacks(s),
                            u.thread(), f.index())));
            String how = observed ? String.format("%.0f%% of one CPU", u.share() * 100)
                    : String.format("%.1f s of CPU", u.usedMs() / 1000);
            out.add(new Finding("spiking-thread", "Spiking thread: thread " + u.thread() + " uses " + how
                    + LockLinks.userFrame(s, u.thread()).map(f -> " in " + f.function()).orElse(""),
                    observed ? 0.9 : 0.5, ev));
        }
        return out;
    }
}
