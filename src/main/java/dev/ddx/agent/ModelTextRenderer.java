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
            b.append(set.size() == 1 ? first.label() : set.size() + " threads " + ids(set.stream().map(TargetThread::id).toList()))
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
            if (!l.waiters().isEmpty()) b.append("; waited for by ").append(l.waiters().size()).append(" threads: ").append(ids(l.waiters()));
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

    /**
     * Findings with their evidence, one block each. Facts that differ only in their numbers (the
     * same wait on 31 threads) are shown once, with how many more there are and on which threads.
     */
    public static String findings(List<Finding> fs) {
        if (fs.isEmpty()) return "no pattern of the catalog was detected in the evidence";
        StringBuilder b = new StringBuilder();
        for (Finding f : fs) {
            b.append(f.patternId()).append(" (confidence ").append(String.format(Locale.ROOT, "%.2f", f.confidence()))
                    .append("): ").append(f.title()).append('\n');
            Map<String, List<Evidence>> groups = new LinkedHashMap<>();
            for (Evidence e : f.evidence()) groups.computeIfAbsent(shape(e.fact()), k -> new ArrayList<>()).add(e);
            for (List<Evidence> g : groups.values()) {
                Evidence e = g.get(0);
                b.append("  - ").append(bound(e.fact())).append(" [").append(e.where()).append("]\n");
                if (g.size() > 1) {
                    List<String> threads = g.subList(1, g.size()).stream().map(x -> x.thread().orElse("?")).toList();
                    b.append("    … and ").append(g.size() - 1).append(" more facts like it")
                            .append(threads.contains("?") ? "" : " (threads " + ids(threads) + ")").append('\n');
                }
            }
        }
        return b.toString().stripTrailing();
    }

    /** A fact with its numbers blanked, so facts that differ only in ids and addresses group together. */
    static String shape(String fact) {
        StringBuilder b = new StringBuilder(fact.length());
        boolean inNumber = false;
        for (char c : fact.toCharArray()) {
            boolean digit = Character.isDigit(c);
            if (digit && !inNumber) b.append('#');
            else if (!digit) b.append(c);
            inNumber = digit;
        }
        return b.toString();
    }

    /** Ids as ranges: "3-9, 12", or "3..63 step 2" for an arithmetic run, or joined as they are. */
    public static String ids(List<String> ids) {
        List<Long> n = new ArrayList<>();
        for (String id : ids) {
            try {
                n.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                return String.join(", ", ids);
            }
        }
        if (n.size() >= 4) {
            long step = n.get(1) - n.get(0);
            boolean arithmetic = step > 1;
            for (int i = 2; i < n.size() && arithmetic; i++) arithmetic = n.get(i) - n.get(i - 1) == step;
            if (arithmetic) return n.get(0) + ".." + n.get(n.size() - 1) + " step " + step;
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < n.size()) {
            int j = i;
            while (j + 1 < n.size() && n.get(j + 1) == n.get(j) + 1) j++;
            out.add(j > i + 1 ? n.get(i) + "-" + n.get(j) : String.valueOf(n.get(i)));
            if (j == i + 1) out.add(String.valueOf(n.get(j)));
            i = j + 1;
        }
        return String.join(", ", out);
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

    static String variable(Variable v) {
        return (v.type().isEmpty() ? "" : v.type() + " ") + v.name() + " = " + bound(v.value());
    }

    /** The text cut to {@link #MAX_VALUE} characters, saying how much was cut. */
    public static String bound(String s) {
        if (s.length() <= MAX_VALUE) return s;
        return s.substring(0, MAX_VALUE) + "…(" + (s.length() - MAX_VALUE) + " more chars)";
    }
}
