package dev.ddx.backend;

import java.time.Duration;

/**
 * Raw I/O with one debugger process: one command in, its whole reply out. Backends parse what
 * comes back; a transport never interprets it. Replay swaps in a transport that answers from a
 * recording, so every backend must be constructible over a given transport.
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends one command and returns the debugger's complete reply to it (up to its end marker or
     * prompt, never a late reply to an earlier command).
     *
     * @throws dev.ddx.error.DebuggerTimeoutException when no complete reply came within {@code timeout}
     * @throws dev.ddx.error.DebuggerException when the debugger died
     */
    String exchange(String command, Duration timeout);

    /** True while the debugger process is alive. */
    boolean alive();

    @Override
    void close();
}
