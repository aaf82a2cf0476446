package dev.ddx.backend;

import dev.ddx.model.Snapshot;

import java.util.List;

/**
 * One debugger or source attached to one target for a session: gdb on a core, pdb running a
 * script, cdb on a dump, or saved debugger text.
 *
 * <p>Contract (checked by the backend contract suite): a snapshot of a crash names the faulting
 * thread; frames are innermost first; a command the {@link dev.ddx.policy.CommandGate} refuses
 * never reaches the debugger; a dead debugger surfaces as one {@link dev.ddx.error.DebuggerException};
 * every call has a timeout ({@link dev.ddx.error.DebuggerTimeoutException}).
 */
public interface DebuggerBackend extends AutoCloseable {

    /** "gdb", "pdb", "cdb" or "text": the command dialect of {@link #execute}. */
    String debugger();

    /** What the backend is attached to, for headers and transcripts ("core core.123 of ./server"). */
    String describe();

    /** The evidence as it stands now. May be cached; never null. */
    Snapshot snapshot();

    /**
     * Runs one raw debugger command after the command gate admitted it, and returns what the
     * debugger printed.
     *
     * @throws dev.ddx.error.CommandRefusedException when the gate refuses it (it never ran)
     */
    String execute(String command);

    /** Command names of this debugger, for completion. */
    List<String> commandNames();

    /** Ends the debugger (detaching from live targets, which keep running). Idempotent. */
    @Override
    void close();
}
