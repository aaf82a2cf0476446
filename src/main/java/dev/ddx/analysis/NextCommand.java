package dev.ddx.analysis;

import java.util.Objects;

/**
 * A debugger command worth running next for this incident.
 *
 * @param debugger the dialect: gdb, pdb or cdb
 * @param command  the command, placeholders already filled ({@code thread 3}, {@code frame 2})
 * @param why      what it will show, in one line
 */
public record NextCommand(String debugger, String command, String why) {
    public NextCommand {
        Objects.requireNonNull(debugger, "debugger");
        Objects.requireNonNull(command, "command");
        why = why == null ? "" : why;
    }
}
