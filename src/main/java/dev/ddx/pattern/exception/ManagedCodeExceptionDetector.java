package dev.ddx.pattern.exception;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.SnapshotDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * managed-code-exception: the target stopped on an exception of a managed runtime (a Python
 * exception, a Java Throwable) rather than a native signal: the exception carries no signal.
 */
public final class ManagedCodeExceptionDetector implements SnapshotDetector {
    public static final String ID = "managed-code-exception";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        if (s.exception().isEmpty() || s.exception().get().signal().isPresent()) return List.of();
        ExceptionInfo e = s.exception().get();
        List<Evidence> ev = new ArrayList<>();
        ev.add(ExceptionFacts.onException(s, e, "uncaught " + ExceptionFacts.headline(e)));
        String where = "";
        if (!e.frames().isEmpty()) {
            StackFrame top = e.frames().get(0);
            ev.add(ExceptionFacts.onFrame(s, e, top, "raised in " + ExceptionFacts.frame(top)));
            where = " in " + top.function();
            ExceptionFacts.firstUserFrame(e).filter(f -> f.index() != top.index()).ifPresent(f ->
                    ev.add(ExceptionFacts.onFrame(s, e, f, "first frame of the program's own code: "
                            + ExceptionFacts.frame(f))));
        }
        return List.of(new Finding(ID, "Uncaught " + ExceptionFacts.headline(e) + where, 1.0, ev));
    }
}
