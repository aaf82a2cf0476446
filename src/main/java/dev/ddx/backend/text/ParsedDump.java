package dev.ddx.backend.text;

import dev.ddx.model.Snapshot;

import java.util.Objects;

/**
 * One dump read from saved text: its kind and the evidence it gave.
 *
 * @param kind     what the text was recognised as
 * @param snapshot the evidence, with the dump's unparsed lines in its input info
 * @param takenAt  when the dump was taken in milliseconds since the epoch, when its text says (jstack header), else -1
 */
public record ParsedDump(DumpKind kind, Snapshot snapshot, long takenAt) {
    public ParsedDump {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /** True for kinds where several dumps are samples of one process over time, not parts of one session. */
    public boolean sample() {
        return kind == DumpKind.JSTACK || kind == DumpKind.JCMD_THREADS || kind == DumpKind.PY_SPY
                || kind == DumpKind.FAULTHANDLER;
    }
}
