package dev.ddx.report;

import dev.ddx.analysis.NextCommand;
import dev.ddx.model.LineRange;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.Variable;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.Stacks;

import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link IncidentReport} as Markdown for a terminal or an issue tracker: headline and
 * signature, patterns with their evidence, the culprit frame with source context, threads grouped
 * by identical stack, next commands, and what input was read. Plain text, no colour, stable order.
 */
public final class MarkdownRenderer {
    static final int FRAMES_PER_GROUP = 12;

    public String render(IncidentReport r) {
        StringBuilder b = new StringBuilder();
        b.append("# ddx summary: ").append(Stacks.shortModule(r.target().executable())).append("\n\n");
        b.append(r.headline()).append("\n\n");
        if (r.target().state() == TargetProcess.ProcessState.EXITED) {
            input(b, r);
            return b.toString();
        }
        b.append("Signature: `").append(r.signature()).append("`\n");
        findings(b, r.findings());
        r.crash().ifPresent(c -> crash(b, c));
        r.culprit().ifPresent(c -> culprit(b, c));
        threads(b, r);
        next(b, r.nextCommands());
        input(b, r);
        return b.toString();
    }

    private static void findings(StringBuilder b, List<Finding> findings) {
        b.append("\n## Patterns\n\n");
        if (findings.isEmpty()) b.append("No pattern of the catalog holds for this evidence.\n");
        int n = 1;
        for (Finding f : findings) {
            b.append(n++).append(". **").append(f.patternId()).append("** — ").append(f.title())
                    .append(String.format(Locale.ROOT, " (confidence %.2f)", f.confidence())).append('\n');
            for (Evidence e : f.evidence()) b.append("   - ").append(e.fact()).append(" _[").append(e.where()).append("]_\n");
        }
    }

    private static void crash(StringBuilder b, CrashView c) {
        b.append("\n## Crash\n\n");
        b.append("- ").append(c.type());
        c.signal().ifPresent(s -> { if (!s.codeName().isEmpty()) b.append(" (").append(s.codeName()).append(')'); });
        if (!c.message().isEmpty()) b.append(": ").append(c.message());
        b.append('\n');
        c.faultAddress().ifPresent(a -> b.append("- fault address: 0x").append(Long.toHexString(a)).append('\n'));
        if (!c.thread().isEmpty()) b.append("- thread: ").append(c.thread()).append('\n');
        c.frame().ifPresent(f -> b.append("- faulting frame: #").append(f.index()).append(' ').append(Headline.frame(f)).append('\n'));
    }

    private static void culprit(StringBuilder b, CulpritView c) {
        b.append("\n## Culprit frame\n\n");
        b.append(c.threadId().isEmpty() ? "" : "Thread " + c.threadId() + ", ").append("frame #").append(c.frame().index())
                .append(": `").append(Headline.frame(c.frame())).append("` — ").append(c.reason()).append(".\n");
        if (!c.context().isEmpty()) {
            b.append("\n```\n");
            for (SourceLine l : c.context()) {
                b.append(l.current() ? "> " : "  ").append(String.format(Locale.ROOT, "%5d | ", l.number()))
                        .append(l.text()).append('\n');
            }
            b.append("```\n");
        }
        c.badPointer().ifPresent(p -> b.append("\nBad pointer: ").append(p).append(".\n"));
        variables(b, "Arguments", c.frame().arguments());
        variables(b, "Locals", c.frame().locals());
    }

    private static void variables(StringBuilder b, String title, List<Variable> vars) {
        if (vars.isEmpty()) return;
        b.append('\n').append(title).append(":\n");
        for (Variable v : vars) {
            b.append("- `").append(v.name()).append("`").append(v.type().isEmpty() ? "" : " (" + v.type() + ")")
                    .append(" = `").append(v.value().replace('`', '\'')).append("`\n");
        }
    }

    private static void threads(StringBuilder b, IncidentReport r) {
        if (r.threads().isEmpty()) return;
        b.append("\n## Threads (").append(r.threads().size()).append(", grouped by identical stack)\n");
        for (ThreadGroup g : r.threadGroups()) {
            b.append("\n- ").append(g.threadIds().size() == 1 ? "thread " : "threads ")
                    .append(String.join(", ", g.threadIds())).append(" — ").append(String.join(", ",
                            g.states().stream().distinct().toList())).append('\n');
            if (g.frames().isEmpty()) {
                b.append("  (no stack)\n");
                continue;
            }
            b.append("  ```\n");
            for (StackFrame f : g.frames().subList(0, Math.min(FRAMES_PER_GROUP, g.frames().size()))) {
                b.append("  #").append(f.index()).append(' ').append(Headline.frame(f)).append('\n');
            }
            if (g.frames().size() > FRAMES_PER_GROUP) {
                b.append("  … ").append(g.frames().size() - FRAMES_PER_GROUP).append(" more frames\n");
            }
            b.append("  ```\n");
        }
    }

    private static void next(StringBuilder b, List<NextCommand> commands) {
        if (commands.isEmpty()) return;
        b.append("\n## Next commands\n\n");
        for (NextCommand c : commands) {
            b.append("- `").append(c.command()).append("` (").append(c.debugger()).append(")")
                    .append(c.why().isEmpty() ? "" : " — " + c.why()).append('\n');
        }
    }

    private static void input(StringBuilder b, IncidentReport r) {
        b.append("\n## Input\n\n");
        b.append("- read: ").append(r.input().kind()).append(" — ").append(r.input().description()).append('\n');
        for (String n : r.input().notes()) b.append("- note: ").append(n).append('\n');
        for (LineRange l : r.input().unparsed()) b.append("- not understood: ").append(l).append('\n');
        if (r.input().unparsed().isEmpty() && r.target().capture() == TargetProcess.Capture.TEXT) {
            b.append("- every line of the input was understood\n");
        }
    }
}
