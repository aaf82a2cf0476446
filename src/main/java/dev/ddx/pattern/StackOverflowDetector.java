package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stack overflow: a fault on a very deep stack whose frames repeat — unbounded recursion. Names the
 * recursing function(s) and the depth (from {@link TargetThread#depth()}, which counts frames the
 * backend did not list). Also recognises the runtimes' own overflow errors (RecursionError,
 * StackOverflowError).
 */
public final class StackOverflowDetector implements SnapshotDetector {
    /** Deeper than any sane program's stack; a repeat count this high is recursion without end. */
    static final int DEEP = 1000;
    static final int REPEATS = 50;

    @Override
    public String id() {
        return "stack-overflow";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        if (s.exception().isEmpty()) return List.of();
        String type = s.exception().get().type();
        boolean runtimeSays = type.endsWith("RecursionError") || type.endsWith("StackOverflowError")
                || type.contains("STACK_OVERFLOW") || type.contains("c00000fd");
        boolean segv = type.equals("SIGSEGV") || type.equals("SIGBUS")
                || s.exception().get().signal().map(x -> x.name().equals("SIGSEGV") || x.name().equals("SIGBUS")).orElse(false);
        if (!runtimeSays && !segv) return List.of();
        List<StackFrame> frames = Stacks.faultFrames(s);
        int depth = Stacks.faultingThread(s).map(TargetThread::depth).orElse(frames.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (StackFrame f : frames) counts.merge(f.function(), 1, Integer::sum);
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (!runtimeSays && !(depth >= DEEP || max >= REPEATS)) return List.of();
        if (!runtimeSays && max < Math.min(REPEATS, Math.max(3, frames.size() / 4))) return List.of();
        List<String> recursing = new ArrayList<>();
        counts.forEach((fn, n) -> { if (n >= Math.max(2, max / 4)) recursing.add(fn); });
        String thread = Aborts.thread(s);
        List<Evidence> ev = new ArrayList<>();
        ev.add(Evidence.onThread("the faulting stack is " + depth + " frames deep"
                + (frames.size() < depth ? " (" + frames.size() + " listed)" : ""), EvidenceSource.stacks(s), thread));
        for (String fn : recursing) {
            StackFrame first = frames.stream().filter(f -> f.function().equals(fn)).findFirst().orElseThrow();
            ev.add(SoftwareExceptionDetector.frame(s, thread, first, fn + " appears " + counts.get(fn) + " times in the "
                    + frames.size() + " listed frames, first at " + Stacks.where(first)));
        }
        if (runtimeSays) ev.add(Evidence.of("the runtime raised " + type, EvidenceSource.signal(s)));
        String who = recursing.size() == 1 ? recursing.get(0) + "() calls itself"
                : String.join("() → ", recursing) + "() call each other";
        String title = "Stack overflow: " + who + " without end (stack " + depth + " frames deep)";
        return List.of(new Finding("stack-overflow", title, runtimeSays || depth >= DEEP ? 1.0 : 0.8, ev));
    }
}
