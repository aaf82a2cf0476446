package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Livelock: two or more threads keep busy retrying — their stacks are in trylock, yield, back-off
 * or spin loops — and nothing waits in a lock cycle. With observed CPU, each of them must have
 * used CPU during the window; without it, the threads must be runnable in a process that did not
 * finish (lower confidence). A deadlock (a lock cycle) is not a livelock.
 */
public final class LivelockDetector implements SnapshotDetector {
    static final List<String> RETRY = List.of("trylock", "timedlock", "sched_yield", "pthread_yield", "thrd_yield",
            "backoff", "back_off", "spin", "retry", "usleep", "nanosleep");
    static final double MIN_SHARE = 0.02;

    @Override
    public String id() {
        return "livelock";
    }

    @Override
    public Set<String> emits() {
        return Set.of("livelock");
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        if (!WaitForGraph.of(s).cycles().isEmpty() || s.exception().isPresent() && s.process().state()
                == dev.ddx.model.TargetProcess.ProcessState.CRASHED) return List.of();
        Map<String, CpuUse> cpu = CpuUse.of(s).stream().collect(Collectors.toMap(CpuUse::thread, Function.identity()));
        boolean observed = cpu.values().stream().anyMatch(CpuUse::observed);
        List<Evidence> ev = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        boolean sawTry = false;
        for (TargetThread t : s.threads()) {
            Optional<StackFrame> retry = Stacks.frameMatching(t, RETRY);
            if (retry.isEmpty()) continue;
            CpuUse u = cpu.get(t.id());
            boolean busy = observed ? u != null && u.observed() && u.share() >= MIN_SHARE
                    : t.state() == ThreadState.RUNNING || t.state() == ThreadState.SLEEPING && hung(s);
            if (!busy) continue;
            String fn = retry.get().function().toLowerCase();
            if (!fn.contains("sleep")) sawTry = true;
            ids.add(t.id());
            ev.add(Evidence.onFrame(t.label() + " is retrying in " + Stacks.where(retry.get())
                    + LockLinks.userFrame(s, t.id()).map(f -> ", from " + f.label()).orElse("")
                    + (u != null ? "; it used " + u.describe() : ""), EvidenceSource.stacks(s), t.id(), retry.get().index()));
        }
        boolean userRetry = ids.stream().anyMatch(id -> s.thread(id).flatMap(t -> Stacks.frameMatching(t,
                List.of("trylock", "yield", "backoff", "back_off", "spin", "retry"))).isPresent());
        if (ids.size() < 2 || !(sawTry || userRetry)) return List.of();
        if (!observed && !hung(s)) return List.of();
        ev.add(Evidence.of("no lock cycle holds these threads: they are free to run, yet "
                + (hung(s) ? "the program did not finish" : "they keep retrying"), EvidenceSource.locks(s)));
        String title = "Livelock: threads " + String.join(", ", ids) + " keep retrying (trylock/yield/back-off) without progress";
        return List.of(new Finding("livelock", title, observed ? 0.8 : 0.6, ev));
    }

    private static boolean hung(Snapshot s) {
        return s.process().state() == dev.ddx.model.TargetProcess.ProcessState.HUNG;
    }
}
