package dev.ddx.agent;

/**
 * A debugger command worth running next, and why.
 *
 * @param debugger the dialect it is written in ("gdb", "pdb", "cdb", "logs")
 * @param command  the command exactly as it would be typed
 * @param reason   what it would show, in one line
 */
public record NextCommand(String debugger, String command, String reason) {
}
