package dev.ddx.pattern.exception;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.SnapshotDetector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * exception-stack-trace: the exception carries its own stack, which is the one to read. The
 * evidence is that stack (innermost frames first) and, when the faulting thread's current stack
 * differs from it (a handler or reporter ran since), says so.
 */
public final class ExceptionStackTraceDetector implements SnapshotDetector {
    public static final String ID = "exception-stack-trace";
    private static final int SHOWN = 6;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        if (s.exception().isEmpty() || s.exception().get().frames().isEmpty()) return List.of();
        ExceptionInfo e = s.exception().get();
        List<Evidence> ev = new ArrayList<>();
        List<StackFrame> frames = e.frames();
        for (StackFrame f : frames.subList(0, Math.min(SHOWN, frames.size()))) {
            ev.add(ExceptionFacts.onFrame(s, e, f, "#" + f.index() + " " + ExceptionFacts.frame(f)));
        }
        if (frames.size() > SHOWN) {
            ev.add(ExceptionFacts.onException(s, e, (frames.size() - SHOWN) + " more frame(s) out to "
                    + frames.get(frames.size() - 1).label()));
        }
        Optional<TargetThread> t = s.faultingThread();
        boolean differs = t.flatMap(TargetThread::top)
                .map(top -> !top.function().equals(frames.get(0).function())
                        || !top.source().equals(frames.get(0).source()))
                .orElse(false);
        if (differs) {
            ev.add(Evidence.onThread("the thread's current stack is elsewhere (" + t.get().top().get().label()
                    + "): read the exception's own stack", ExceptionFacts.source(s), t.get().id()));
        }
        String title = "Stack of " + e.type() + " at the raise: " + frames.get(0).label();
        return List.of(new Finding(ID, title, differs ? 1.0 : 0.9, ev));
    }
}
