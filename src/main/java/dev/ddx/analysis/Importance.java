package dev.ddx.analysis;

import dev.ddx.pattern.Finding;

import java.util.Comparator;
import java.util.List;

/**
 * The order findings are shown in: what ended or froze the program first, its explanation next,
 * the elementary patterns (stacks collected, modules) last. Unknown patterns go just before the
 * elementary ones. Ties: higher confidence first, then the detectors' own order (the sort is stable,
 * so several deadlocks stay in the thread order the culprit is chosen by).
 */
final class Importance {
    static final List<String> ORDER = List.of(
            "deadlock", "stack-overflow", "heap-corruption", "software-exception", "crash", "livelock",
            "wait-chain", "hang", "memory-leak", "handle-leak", "spiking-thread", "blocked-thread",
            "blocking-module", "origin-module", "exception-module", "managed-code-exception", "nested-exception",
            "exception-stack-trace", "stack-trace-set", "stack-trace-collection", "module-collection");

    private Importance() {
    }

    static int rank(String patternId) {
        int i = ORDER.indexOf(patternId);
        return i >= 0 ? i : ORDER.indexOf("origin-module") - 1;
    }

    static final Comparator<Finding> ORDERING = Comparator
            .comparingInt((Finding f) -> rank(f.patternId()) < 0 ? ORDER.size() : rank(f.patternId()))
            .thenComparing(Comparator.comparingDouble(Finding::confidence).reversed());
}
