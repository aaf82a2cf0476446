package dev.ddx.analysis;

import dev.ddx.model.StackFrame;

import java.util.Objects;

/**
 * The frame where the bug most likely is, and why it was chosen.
 *
 * @param threadId the thread the frame belongs to (empty for an exception's own stack)
 * @param frame    the frame
 * @param reason   why this frame: "first frame of the program's own code on the faulting thread", …
 */
public record Culprit(String threadId, StackFrame frame, String reason) {
    public Culprit {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(reason, "reason");
    }
}
