package dev.ddx.report;

import dev.ddx.analysis.Analysis;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.pattern.Stacks;

import java.util.Optional;

/** The summary's first sentences: what happened, on which thread, in which module, function and line. */
final class Headline {
    private Headline() {
    }

    static String of(Analysis a, Optional<CrashView> crash) {
        TargetProcess p = a.snapshot().process();
        String program = Stacks.shortModule(p.executable());
        if (p.state() == TargetProcess.ProcessState.EXITED) {
            return program + " exited normally" + (p.exitCode().isPresent() ? " with status " + p.exitCode().getAsLong() : "")
                    + ": no crash and no hang to summarise.";
        }
        StringBuilder b = new StringBuilder();
        if (!a.findings().isEmpty()) {
            b.append(a.findings().get(0).title()).append('.');
        } else {
            b.append(program).append(": no pattern found in ").append(a.snapshot().threads().size()).append(" thread(s).");
        }
        a.culprit().ifPresent(c -> {
            b.append(" Culprit: ");
            if (!c.threadId().isEmpty()) b.append("thread ").append(c.threadId()).append(", ");
            b.append(frame(c.frame())).append('.');
        });
        return b.toString();
    }

    /** {@code deref_chain at null_deref.c:14 in null_deref}. */
    static String frame(StackFrame f) {
        String module = Stacks.shortModule(f.module());
        return f.function() + f.source().map(s -> " at " + s).orElse("") + (module.isEmpty() ? "" : " in " + module);
    }
}
