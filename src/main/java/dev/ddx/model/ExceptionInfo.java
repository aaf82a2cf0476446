package dev.ddx.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The signal or exception that stopped the target, or an exception found in a log or dump.
 *
 * @param type       signal name (SIGSEGV), exception class (ValueError, java.lang.IllegalStateException)
 *                   or Windows exception code name (c0000005 Access violation)
 * @param message    the message, or the signal's description
 * @param threadId   the thread it was raised on, when known
 * @param signal     signal details for native crashes
 * @param frames     the exception's own stack, innermost first (may repeat the faulting thread's)
 * @param cause      the exception this one was caused by or raised while handling
 * @param suppressed suppressed exceptions (Java)
 */
public record ExceptionInfo(
        String type,
        String message,
        Optional<String> threadId,
        Optional<SignalInfo> signal,
        List<StackFrame> frames,
        Optional<Cause> cause,
        List<ExceptionInfo> suppressed) {

    public ExceptionInfo {
        Objects.requireNonNull(type, "type");
        message = message == null ? "" : message;
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(signal, "signal");
        frames = List.copyOf(frames);
        Objects.requireNonNull(cause, "cause");
        suppressed = List.copyOf(suppressed);
    }

    /** This exception followed by its causes, outermost (the one that was raised last) first. */
    public List<ExceptionInfo> chain() {
        List<ExceptionInfo> out = new java.util.ArrayList<>();
        ExceptionInfo e = this;
        while (e != null && out.size() < 64) {
            out.add(e);
            e = e.cause().map(Cause::exception).orElse(null);
        }
        return out;
    }

    /**
     * A link in an exception chain.
     *
     * @param relation how the linked exception relates to the one that holds it
     * @param exception the earlier exception
     */
    public record Cause(Relation relation, ExceptionInfo exception) {
        public Cause {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(exception, "exception");
        }
    }

    /** How an exception relates to its predecessor in a chain. */
    public enum Relation {
        /** explicit: Python {@code raise … from …}, Java {@code Caused by:} */
        CAUSE,
        /** implicit: raised while handling the earlier one (Python {@code __context__}) */
        CONTEXT
    }
}
