package dev.ddx.analysis;

import dev.ddx.model.Snapshot;
import dev.ddx.model.Variable;
import dev.ddx.pattern.Finding;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Concrete pdb commands for a Python incident: the culprit frame, its source and its locals. */
final class PdbCommands {
    private PdbCommands() {
    }

    static void add(Snapshot s, List<Finding> findings, Optional<Culprit> culprit, Map<String, NextCommand> out) {
        NextCommands.put(out, "pdb", "w", "the stack, innermost last, with the current frame marked");
        culprit.ifPresent(c -> {
            NextCommands.put(out, "pdb", "ll", "the whole source of " + c.frame().function() + " around the culprit line");
            NextCommands.put(out, "pdb", "pp locals()", "the culprit frame's local variables");
            for (Variable v : c.frame().locals().stream().limit(3).toList()) {
                if (!v.name().isEmpty() && Character.isJavaIdentifierStart(v.name().charAt(0))) {
                    NextCommands.put(out, "pdb", "p " + v.name(), "the value of " + v.name() + " in the culprit frame");
                }
            }
        });
        if (s.threads().size() > 1) {
            NextCommands.put(out, "pdb", "import sys, traceback; [traceback.print_stack(f) for f in sys._current_frames().values()]",
                    "every thread's stack");
        }
    }
}
