package dev.ddx.report;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.pattern.StackTraceSetDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads that share one stack (same functions in the same modules, frame by frame).
 *
 * @param threadIds the threads, in snapshot order
 * @param states    each thread's state name, lower case, in the same order
 * @param frames    the shared stack, taken from the first thread, innermost first
 */
public record ThreadGroup(List<String> threadIds, List<String> states, List<StackFrame> frames) {
    public ThreadGroup {
        threadIds = List.copyOf(threadIds);
        states = List.copyOf(states);
        frames = List.copyOf(frames);
    }

    /** Groups of the snapshot, largest first; ties keep snapshot order. */
    static List<ThreadGroup> of(Snapshot s) {
        List<ThreadGroup> out = new ArrayList<>();
        for (List<TargetThread> g : StackTraceSetDetector.groups(s)) {
            out.add(new ThreadGroup(g.stream().map(TargetThread::id).toList(),
                    g.stream().map(t -> t.state().name().toLowerCase().replace('_', '-')).toList(), g.get(0).frames()));
        }
        out.sort((a, b) -> Integer.compare(b.threadIds().size(), a.threadIds().size()));
        return out;
    }
}
