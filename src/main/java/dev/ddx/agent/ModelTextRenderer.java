package dev.ddx.agent;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LoadedModule;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Probe;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.Variable;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders evidence as compact text for a model: threads with identical stacks are listed once as
 * a stack trace set, long stacks keep their innermost and outermost frames and say how many were
 * elided, values are bounded. Stateless; the same snapshot always renders the same text.
 */
public final class ModelTextRenderer {
    /** Longest value shown for a variable or a probe. */
    public static final int MAX_VALUE = 160;
    static final int HEAD_FRAMES = 12;
    static final int TAIL_FRAMES = 3;

    private ModelTextRenderer() {
    }

    /** Every thread, grouped into stack trace sets; each set shows its stack once. */
    public static String threads(Snapshot s, int framesPerSet) {
        Map<String, List<TargetThread>> sets = stackSets(s.threads());
        StringBuilder b = new StringBuilder();
        b.append(s.threads().size()).append(" threads in ").append(sets.size())
                .append(" stack trace sets (threads with identical stacks are listed once)");
        s.exception().flatMap(ExceptionInfo::threadId).ifPresent(t -> b.append("; the fault is on thread ").append(t));
        b.append('\n');
        for (List<TargetThread> set : sets.values()) {
            TargetThread first = set.get(0);
            b.append(set.size() == 1 ? first.label() : set.size() + " threads " + idRanges(set))
                    .append(" [").append(first.state().name().toLowerCase(Locale.ROOT)).append("]\n");
            frames(b, first, framesPerSet, false);
        }
        return b.toString().stripTrailing();
    }

    /** One thread's stack, innermost first, with arguments; long stacks are elided in the middle. */
    public static String backtrace(TargetThread t) {
        StringBuilder b = new StringBuilder(t.label()).append(" [")
                .append(t.state().name().toLowerCase(Locale.ROOT)).append("]\n");
        frames(b, t, HEAD_FRAMES, true);
        return b.toString().stripTrailing();
    }

    /** The arguments and locals of one frame, values bounded. */
    public static String locals(TargetThread t, StackFrame f) {
        StringBuilder b = new StringBuilder(t.label()).append(" frame ").append(f.index()).append(": ")
                .append(f.label()).append('\n');
        if (f.arguments().isEmpty() && f.locals().isEmpty()) {
            return b.append("no arguments or locals were collected for this frame").toString();
        }
        for (Variable v : f.arguments()) b.append("  arg   ").append(variable(v)).append('\n');
        for (Variable v : f.locals()) b.append("  local ").append(variable(v)).append('\n');
        return b.toString().stripTrailing();
    }

    public static String exception(Snapshot s) {
        if (s.exception().isEmpty()) return "no signal or exception stopped the target (state: "
                + s.process().state().name().toLowerCase(Locale.ROOT) + ")";
        StringBuilder b = new StringBuilder();
        for (ExceptionInfo e : s.exception().get().chain()) {
            b.append(b.length() == 0 ? "" : "caused by: ").append(e.type());
            if (!e.message().isEmpty()) b.append(": ").append(bound(e.message()));
            e.threadId().ifPresent(t -> b.append(" (thread ").append(t).append(')'));
            e.signal().ifPresent(sig -> {
                if (!sig.codeName().isEmpty()) b.append(", ").append(sig.codeName());
                sig.faultAddress().ifPresent(a -> b.append(", fault address 0x").append(Long.toHexString(a)));
            });
            b.append('\n');
        }
        for (Probe p : s.probes()) {
            b.append("probe thread ").append(p.threadId()).append(" frame ").append(p.frame()).append(": ")
                    .append(p.expression()).append(" = ").append(bound(p.value())).append(" [")
                    .append(p.status().name().toLowerCase(Locale.ROOT)).append("]\n");
        }
        return b.toString().stripTrailing();
    }

    public static String locks(Snapshot s) {
        if (s.locks().isEmpty()) return "no locks were read from the target";
        StringBuilder b = new StringBuilder();
        for (LockInfo l : s.locks()) {
            b.append(l.label()).append(": held by ").append(l.owner().map(o -> "thread " + o).orElse("nobody known"));
            if (!l.waiters().isEmpty()) b.append("; waited for by threads ").append(String.join(", ", l.waiters()));
            l.acquiredAt().ifPresent(a -> b.append("; taken at ").append(a));
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    public static String modules(Snapshot s, String filter, int limit) {
        List<LoadedModule> ms = s.modules().stream()
                .filter(m -> filter.isBlank() || m.path().toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT)))
                .toList();
        StringBuilder b = new StringBuilder(ms.size() + " modules" + (filter.isBlank() ? "" : " matching '" + filter + "'") + "\n");
        for (LoadedModule m : ms.subList(0, Math.min(limit, ms.size()))) {
            b.append(m.path());
            m.version().ifPresent(v -> b.append(" version ").append(v));
            m.buildId().ifPresent(v -> b.append(" build-id ").append(v));
            if (!m.symbols()) b.append(" (no symbols)");
            b.append('\n');
        }
        if (ms.size() > limit) b.append("… ").append(ms.size() - limit).append(" more not shown; pass a filter\n");
        return b.toString().stripTrailing();
    }

    /** Findings with their evidence, one block each. */
    public static String findings(List<Finding> fs) {
        if (fs.isEmpty()) return "no pattern of the catalog was detected in the evidence";
        StringBuilder b = new StringBuilder();
        for (Finding f : fs) {
            b.append(f.patternId()).append(" (confidence ").append(String.format(Locale.ROOT, "%.2f", f.confidence()))
                    .append("): ").append(f.title()).append('\n');
            for (Evidence e : f.evidence()) b.append("  - ").append(bound(e.fact())).append(" [").append(e.where()).append("]\n");
        }
        return b.toString().stripTrailing();
    }

    static void frames(StringBuilder b, TargetThread t, int head, boolean withArgs) {
        List<StackFrame> fs = t.frames();
        int total = t.depth();
        boolean elide = fs.size() > head + TAIL_FRAMES;
        for (int i = 0; i < fs.size(); i++) {
            if (elide && i == head) {
                int skipped = fs.size() - head - TAIL_FRAMES;
                b.append("  … ").append(skipped).append(" frames elided (#").append(fs.get(head).index()).append("-#")
                        .append(fs.get(fs.size() - TAIL_FRAMES - 1).index()).append("); ask backtrace for them\n");
                i = fs.size() - TAIL_FRAMES;
            }
            StackFrame f = fs.get(i);
            b.append("  #").append(f.index()).append(' ').append(f.label());
            if (withArgs && !f.arguments().isEmpty()) {
                b.append(" (").append(String.join(", ", f.arguments().stream().map(ModelTextRenderer::variable).toList())).append(')');
            }
            b.append('\n');
        }
        if (total > fs.size()) b.append("  … the stack has ").append(total).append(" frames; ")
                .append(total - fs.size()).append(" outer frames were not read\n");
    }

    static Map<String, List<TargetThread>> stackSets(List<TargetThread> threads) {
        Map<String, List<TargetThread>> sets = new LinkedHashMap<>();
        for (TargetThread t : threads) {
            StringBuilder key = new StringBuilder(t.state().name());
            for (StackFrame f : t.frames()) key.append('|').append(f.function()).append('@').append(f.source().map(Object::toString).orElse(f.module()));
            sets.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(t);
        }
        return sets;
    }

    /** "3-40, 42" for a set of numeric ids; the ids joined otherwise. */
    static String idRanges(List<TargetThread> set) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < set.size()) {
            String id = set.get(i).id();
            int j = i;
            while (j + 1 < set.size() && isNext(set.get(j).id(), set.get(j + 1).id())) j++;
            out.add(j > i + 1 ? id + "-" + set.get(j).id() : id);
            if (j == i + 1) out.add(set.get(j).id());
            i = j + 1;
        }
        return String.join(", ", out);
    }

    private static boolean isNext(String a, String b) {
        try {
            return Long.parseLong(b) == Long.parseLong(a) + 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String variable(Variable v) {
        return (v.type().isEmpty() ? "" : v.type() + " ") + v.name() + " = " + bound(v.value());
    }

    /** The text cut to {@link #MAX_VALUE} characters, saying how much was cut. */
    public static String bound(String s) {
        if (s.length() <= MAX_VALUE) return s;
        return s.substring(0, MAX_VALUE) + "…(" + (s.length() - MAX_VALUE) + " more chars)";
    }
}
