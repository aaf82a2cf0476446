package dev.ddx.pattern.exception;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.pattern.Evidence;

import java.util.Optional;

/** Wording and evidence shared by the exception detectors. */
final class ExceptionFacts {
    private ExceptionFacts() {
    }

    /** Where the facts came from: the snapshot's input kind and the exception request. */
    static String source(Snapshot s) {
        return s.input().kind() + ": exception";
    }

    /** {@code KeyError: 'kiwi'} */
    static String headline(ExceptionInfo e) {
        return e.message().isEmpty() ? e.type() : e.type() + ": " + firstLine(e.message());
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** {@code lookup at app.py:16: return prices[item]} */
    static String frame(StackFrame f) {
        return f.label() + f.sourceText().map(t -> ": " + t).orElse("");
    }

    /** The first frame of the program's own code, if the frames say whose code they run. */
    static Optional<StackFrame> firstUserFrame(ExceptionInfo e) {
        return e.frames().stream().filter(f -> f.owner() == CodeOwner.USER).findFirst();
    }

    static Evidence onException(Snapshot s, ExceptionInfo e, String fact) {
        return e.threadId().map(t -> Evidence.onThread(fact, source(s), t)).orElse(Evidence.of(fact, source(s)));
    }

    static Evidence onFrame(Snapshot s, ExceptionInfo e, StackFrame f, String fact) {
        return e.threadId().map(t -> Evidence.onFrame(fact, source(s), t, f.index()))
                .orElse(Evidence.of(fact, source(s)));
    }
}
