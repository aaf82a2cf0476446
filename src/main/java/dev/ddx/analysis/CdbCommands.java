package dev.ddx.analysis;

import dev.ddx.model.Snapshot;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.WaitForGraph;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Concrete cdb commands for a Windows incident: the culprit thread and frame, locks, the exception. */
final class CdbCommands {
    private CdbCommands() {
    }

    static void add(Snapshot s, List<Finding> findings, Optional<Culprit> culprit, Map<String, NextCommand> out) {
        if (s.exception().isPresent()) NextCommands.put(out, "cdb", "!analyze -v", "the debugger's own analysis of the exception");
        culprit.ifPresent(c -> {
            if (!c.threadId().isEmpty() && isNumber(c.threadId())) {
                NextCommands.put(out, "cdb", "~" + c.threadId() + "s", "switch to the culprit's thread");
            }
            NextCommands.put(out, "cdb", ".frame " + c.frame().index(), "select the culprit frame " + c.frame().function());
            NextCommands.put(out, "cdb", "dv /t", "the culprit frame's local variables with types");
        });
        if (!s.locks().isEmpty() || findings.stream().anyMatch(f -> f.patternId().equals("deadlock"))) {
            NextCommands.put(out, "cdb", "!locks", "every critical section held, its owner and waiters");
        }
        for (WaitForGraph.Cycle c : WaitForGraph.of(s).cycles()) {
            for (String t : c.threads()) {
                if (isNumber(t)) NextCommands.put(out, "cdb", "~" + t + "kb", "the stack of thread " + t + " of the lock cycle");
            }
        }
        NextCommands.put(out, "cdb", "~*k", "every thread's stack");
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
