package dev.ddx.pattern;

import dev.ddx.model.Snapshot;

/**
 * The {@code source} of evidence read from a snapshot: the input's kind (what the backend read,
 * "gdb core", "pdb driver", "jstack thread dump") and the part of it the fact comes from.
 */
public final class EvidenceSource {
    private EvidenceSource() {
    }

    /** Thread stacks: {@code gdb core: thread stacks}. */
    public static String stacks(Snapshot s) {
        return s.input().kind() + ": thread stacks";
    }

    /** The signal or exception that stopped the target: {@code gdb core: stop signal}, {@code pdb driver: exception}. */
    public static String signal(Snapshot s) {
        boolean signal = s.exception().map(e -> e.signal().isPresent()).orElse(true);
        return s.input().kind() + (signal ? ": stop signal" : ": exception");
    }

    /** Locks with owners and waiters. */
    public static String locks(Snapshot s) {
        return s.input().kind() + ": locks";
    }

    /** Series sampled while observing. */
    public static String counters(Snapshot s, String series) {
        return s.input().kind() + ": " + series + " samples";
    }

    /** Expressions evaluated in the crashing frame. */
    public static String probes(Snapshot s) {
        return s.input().kind() + ": dereference probes";
    }

    /** The process state (crashed, hung, exited). */
    public static String process(Snapshot s) {
        return s.input().kind() + ": process state";
    }
}
