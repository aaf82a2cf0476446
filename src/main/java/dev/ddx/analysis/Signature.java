package dev.ddx.analysis;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.Stacks;
import dev.ddx.pattern.WaitForGraph;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One stable line per incident: {@code failure-class/signal/module!function}, e.g.
 * {@code crash/SIGSEGV/null_deref!deref_chain} or {@code deadlock/-/deadlock!audit_ledger+deadlock!transfer_funds}
 * (for a deadlock, the culprit frames of every thread of the first cycle, sorted).
 * Built only from names: no addresses, pids, paths or line numbers, so the same bug on another run
 * or machine gives the same line.
 */
public final class Signature {
    /** The failure classes, most decisive first; the first one found names the incident. */
    static final List<String> CLASSES = List.of("deadlock", "stack-overflow", "heap-corruption", "software-exception",
            "crash", "livelock", "wait-chain", "hang", "memory-leak", "handle-leak", "spiking-thread");

    private Signature() {
    }

    public static String of(Snapshot s, List<Finding> findings, Optional<Culprit> culprit) {
        String cls = CLASSES.stream().filter(c -> findings.stream().anyMatch(f -> f.patternId().equals(c))).findFirst()
                .orElse(s.process().state() == TargetProcess.ProcessState.EXITED ? "exited" : "snapshot");
        String signal = s.exception().map(e -> e.signal().map(x -> x.name()).orElse(e.type())).map(Signature::clean)
                .orElse("-");
        return cls + "/" + signal + "/" + where(s, cls, culprit);
    }

    private static String where(Snapshot s, String cls, Optional<Culprit> culprit) {
        if (cls.equals("deadlock")) {
            TreeSet<String> names = new TreeSet<>();
            // the first cycle in thread order (the culprit's): one bug, one line, however many cycles
            for (WaitForGraph.Cycle c : WaitForGraph.of(s).cycles().stream().limit(1).toList()) {
                for (String t : c.threads()) {
                    s.thread(t).flatMap(x -> Stacks.firstUserFrame(x.frames())).ifPresent(f -> names.add(name(f)));
                }
            }
            if (!names.isEmpty()) return String.join("+", names);
        }
        return culprit.map(c -> name(c.frame())).orElse("?");
    }

    /** {@code module!function} with the module's directory dropped and no address left. */
    static String name(StackFrame f) {
        String module = clean(Stacks.shortModule(f.module()));
        String fn = clean(f.function());
        if (fn.startsWith("0x")) fn = "??";
        // Java frames name the class twice: module "a.B", function "a.B.run"
        if (!module.isEmpty() && fn.startsWith(module + ".")) fn = fn.substring(module.length() + 1);
        return module.isEmpty() ? fn : module + "!" + fn;
    }

    private static String clean(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) b.append(Character.isWhitespace(c) || c == '/' ? '_' : c);
        return b.toString();
    }
}
