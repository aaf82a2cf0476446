package dev.ddx.pattern;

import dev.ddx.model.LineRange;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One checkable fact behind a finding, and where it came from.
 *
 * @param fact   the fact in one line ("thread 2 waits for mutex 0x4040a0 held by thread 3")
 * @param source what produced it: the debugger command or tool call ("gdb: thread apply all bt",
 *               "pdb driver: threads", "cdb: !locks", "log"), or the transcript event
 * @param thread the thread the fact is about, when it is about one
 * @param frame  the frame index in that thread, when it is about one frame
 * @param lines  the input lines (log or dump text) it was read from, when it came from text
 */
public record Evidence(String fact, String source, Optional<String> thread, OptionalInt frame,
                       Optional<LineRange> lines) {

    public Evidence {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(lines, "lines");
        if (fact.isBlank()) throw new IllegalArgumentException("evidence needs a fact");
    }

    public static Evidence of(String fact, String source) {
        return new Evidence(fact, source, Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    public static Evidence onThread(String fact, String source, String threadId) {
        return new Evidence(fact, source, Optional.of(threadId), OptionalInt.empty(), Optional.empty());
    }

    public static Evidence onFrame(String fact, String source, String threadId, int frame) {
        return new Evidence(fact, source, Optional.of(threadId), OptionalInt.of(frame), Optional.empty());
    }

    public static Evidence atLines(String fact, String source, LineRange lines) {
        return new Evidence(fact, source, Optional.empty(), OptionalInt.empty(), Optional.of(lines));
    }

    /** Where the fact came from, for a reader: {@code gdb: bt, thread 3 frame 1} or {@code app.log:120-131}. */
    public String where() {
        StringBuilder b = new StringBuilder(source);
        thread.ifPresent(t -> b.append(", thread ").append(t));
        frame.ifPresent(f -> b.append(" frame ").append(f));
        lines.ifPresent(l -> b.append(", ").append(l));
        return b.toString();
    }
}
