package dev.ddx.model;

import java.util.Objects;

/**
 * An expression the backend evaluated in a frame to explain a fault, e.g. each dereference
 * prefix of the crashing source line ({@code a.b2}, {@code a.b2->data}, …).
 *
 * @param threadId   the thread the frame belongs to
 * @param frame      the frame index
 * @param expression the expression as evaluated
 * @param value      what the debugger printed, or its error text
 * @param status     whether the value was readable, null, or unreadable memory
 */
public record Probe(String threadId, int frame, String expression, String value, Status status) {
    public Probe {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(expression, "expression");
        value = value == null ? "" : value;
        Objects.requireNonNull(status, "status");
    }

    /** What evaluating the expression showed. */
    public enum Status { OK, NULL, UNREADABLE, ERROR }
}
