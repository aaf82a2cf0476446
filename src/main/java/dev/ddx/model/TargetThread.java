package dev.ddx.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One thread of the target.
 *
 * @param id       the debugger's id for the thread ("1", "7", "Thread-3", "0x1a2c"), unique in a snapshot
 * @param nativeId the operating-system thread id (LWP / TID), when known
 * @param name     the thread's name, or empty
 * @param state    what the thread was doing
 * @param cpuTime  CPU time used so far, when known
 * @param daemon   true for daemon threads (Python, JVM); false when unknown
 * @param frames   the stack, innermost first (may be cut short for very deep stacks)
 * @param depth    how many frames the whole stack has; more than {@code frames.size()} when cut short
 */
public record TargetThread(
        String id,
        OptionalLong nativeId,
        String name,
        ThreadState state,
        Optional<Duration> cpuTime,
        boolean daemon,
        List<StackFrame> frames,
        int depth) {

    public TargetThread {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nativeId, "nativeId");
        name = name == null ? "" : name;
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cpuTime, "cpuTime");
        frames = List.copyOf(frames);
        depth = Math.max(depth, frames.size());
    }

    /** A thread whose whole stack is in {@code frames}. */
    public TargetThread(String id, java.util.OptionalLong nativeId, String name, ThreadState state,
                        Optional<Duration> cpuTime, boolean daemon, List<StackFrame> frames) {
        this(id, nativeId, name, state, cpuTime, daemon, frames, frames.size());
    }

    /** True when the stack was cut short. */
    public boolean truncated() {
        return depth > frames.size();
    }

    /** The innermost frame, if the stack is not empty. */
    public Optional<StackFrame> top() {
        return frames.isEmpty() ? Optional.empty() : Optional.of(frames.get(0));
    }

    /** A short label for messages: {@code thread 3 "worker" (LWP 1234)}. */
    public String label() {
        StringBuilder b = new StringBuilder("thread ").append(id);
        if (!name.isEmpty()) b.append(" \"").append(name).append('"');
        nativeId.ifPresent(n -> b.append(" (LWP ").append(n).append(')'));
        return b.toString();
    }

    public TargetThread withState(ThreadState newState) {
        return new TargetThread(id, nativeId, name, newState, cpuTime, daemon, frames, depth);
    }

    public TargetThread withFrames(List<StackFrame> newFrames) {
        return new TargetThread(id, nativeId, name, state, cpuTime, daemon, newFrames, newFrames.size());
    }
}
