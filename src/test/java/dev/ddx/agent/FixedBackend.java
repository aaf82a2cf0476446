package dev.ddx.agent;

import dev.ddx.backend.DebuggerBackend;
import dev.ddx.error.DebuggerException;
import dev.ddx.model.Snapshot;
import dev.ddx.policy.CommandGate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A backend over a hand-built snapshot for unit tests: commands pass the real command gate, and
 * answer from a table; {@link #ran} lists what reached "the debugger".
 */
public final class FixedBackend implements DebuggerBackend {
    private final String debugger;
    private final Snapshot snapshot;
    private final CommandGate gate;
    private final Map<String, String> replies;
    public final List<String> ran = new ArrayList<>();
    public volatile boolean dead;
    public volatile boolean closed;

    public FixedBackend(String debugger, Snapshot snapshot, CommandGate gate, Map<String, String> replies) {
        this.debugger = debugger;
        this.snapshot = snapshot;
        this.gate = gate;
        this.replies = replies;
    }

    @Override
    public String debugger() {
        return debugger;
    }

    @Override
    public String describe() {
        return "test snapshot of " + snapshot.process().executable();
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public String execute(String command) {
        gate.admit(debugger, command);
        if (dead) throw new DebuggerException("gdb exited unexpectedly", "start ddx again");
        ran.add(command);
        return replies.getOrDefault(command, "");
    }

    @Override
    public List<String> commandNames() {
        return List.of("bt", "info", "print", "thread", "frame", "x", "list");
    }

    @Override
    public void close() {
        closed = true;
    }
}
