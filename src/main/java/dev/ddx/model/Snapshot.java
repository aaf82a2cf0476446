package dev.ddx.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One look at a target process: its threads and stacks, modules, the exception or signal that
 * stopped it, the locks and who holds and waits for them, and counters sampled over time.
 *
 * @param process   what was examined and how it was captured
 * @param threads   every thread seen, in the order the source listed them
 * @param modules   loaded modules (shared libraries, DLLs, Python distributions)
 * @param exception the signal or exception that stopped the target, if any
 * @param locks     locks with their owner and waiters (the wait-for graph)
 * @param counters  series sampled while observing (per-thread CPU, RSS, fds, threads, allocation sites)
 * @param probes    expressions evaluated to explain a fault (the bad pointer of a SIGSEGV)
 * @param input     what input was read and what of it could not be parsed
 */
public record Snapshot(
        TargetProcess process,
        List<TargetThread> threads,
        List<LoadedModule> modules,
        Optional<ExceptionInfo> exception,
        List<LockInfo> locks,
        List<CounterSeries> counters,
        List<Probe> probes,
        InputInfo input) {

    public Snapshot {
        Objects.requireNonNull(process, "process");
        threads = List.copyOf(threads);
        modules = List.copyOf(modules);
        exception = Objects.requireNonNull(exception, "exception");
        locks = List.copyOf(locks);
        counters = List.copyOf(counters);
        probes = List.copyOf(probes);
        Objects.requireNonNull(input, "input");
    }

    /** The thread with this id, if the snapshot has it. */
    public Optional<TargetThread> thread(String id) {
        return threads.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The thread the exception or signal was raised on, if known. */
    public Optional<TargetThread> faultingThread() {
        return exception.flatMap(ExceptionInfo::threadId).flatMap(this::thread);
    }

    /** The lock with this id, if the snapshot has it. */
    public Optional<LockInfo> lock(String id) {
        return locks.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Snapshot withCounters(List<CounterSeries> series) {
        return new Snapshot(process, threads, modules, exception, locks, series, probes, input);
    }

    public Snapshot withLocks(List<LockInfo> newLocks) {
        return new Snapshot(process, threads, modules, exception, newLocks, counters, probes, input);
    }

    public Snapshot withProbes(List<Probe> newProbes) {
        return new Snapshot(process, threads, modules, exception, locks, counters, newProbes, input);
    }

    public Snapshot withInput(InputInfo newInput) {
        return new Snapshot(process, threads, modules, exception, locks, counters, probes, newInput);
    }

    public Snapshot withThreads(List<TargetThread> newThreads) {
        return new Snapshot(process, newThreads, modules, exception, locks, counters, probes, input);
    }
}
