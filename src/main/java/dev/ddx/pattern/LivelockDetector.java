package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Livelock: two or more threads keep busy retrying — their stacks are in trylock, yield, back-off,
 * spin-wait or lock-step loops — and nothing waits in a lock cycle. With observed CPU each of them
 * must have used a twentieth of a CPU during the window; without it, they must be runnable in a
 * program that did not finish (lower confidence). One busy thread is a spiking thread, not a
 * livelock; a lock cycle is a deadlock.
 */
public final class LivelockDetector implements SnapshotDetector {
    /** Frames that show a thread retrying rather than computing. */
    static final List<String> RETRY = List.of("trylock", "timedlock", "yield", "backoff", "back_off", "spin", "retry");
    /** Weaker: names of busy-wait and lock-step helpers, and lock calls, on a thread that burns CPU. */
    static final List<String> WAITING = List.of("step", "wait", "lock", "usleep", "nanosleep");
    static final double MIN_SHARE = 0.05;

    @Override
    public String id() {
        return "livelock";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        if (!WaitForGraph.of(s).cycles().isEmpty() || s.process().state() == TargetProcess.ProcessState.CRASHED
                || s.process().state() == TargetProcess.ProcessState.EXITED) return List.of();
        Map<String, CpuUse> cpu = CpuUse.of(s).stream().collect(Collectors.toMap(CpuUse::thread, Function.identity()));
        boolean observed = cpu.values().stream().anyMatch(CpuUse::observed);
        if (!observed && !hung(s)) return List.of();
        List<Evidence> ev = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        boolean strong = false;
        for (TargetThread t : s.threads()) {
            CpuUse u = cpu.get(t.id());
            boolean busy = observed ? u != null && u.observed() && u.share() >= MIN_SHARE : t.state() == ThreadState.RUNNING;
            if (!busy) continue;
            Optional<StackFrame> retry = Stacks.frameMatching(t, RETRY);
            Optional<StackFrame> hit = retry.or(() -> Stacks.frameMatching(t, WAITING));
            if (hit.isEmpty()) continue;
            strong |= retry.isPresent();
            ids.add(t.id());
            ev.add(Evidence.onFrame(t.label() + " is retrying in " + Stacks.where(hit.get())
                    + LockLinks.userFrame(s, t.id()).filter(f -> f.index() != hit.get().index())
                    .map(f -> ", from " + f.label()).orElse("")
                    + (u != null ? "; it used " + u.describe() : ""), EvidenceSource.stacks(s), t.id(), hit.get().index()));
        }
        if (ids.size() < 2) return List.of();
        ev.add(Evidence.of("no lock cycle holds these threads: they are free to run, yet "
                + (hung(s) ? "the program did not finish" : "they keep using CPU"), EvidenceSource.locks(s)));
        String title = "Livelock: threads " + String.join(", ", ids) + " keep retrying without progress";
        double confidence = (observed ? 0.8 : 0.6) - (strong ? 0 : 0.2);
        return List.of(new Finding("livelock", title, confidence, ev));
    }

    private static boolean hung(Snapshot s) {
        return s.process().state() == TargetProcess.ProcessState.HUNG;
    }
}
