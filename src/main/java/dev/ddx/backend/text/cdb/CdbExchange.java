package dev.ddx.backend.text.cdb;

import java.util.Locale;
import java.util.Objects;

/**
 * One command of a saved cdb session and the debugger's reply to it.
 *
 * @param prompt    the prompt it was typed at ({@code 0:006}, {@code kd}), or empty for text without prompts
 * @param command   the command as typed, or empty for output that no prompt preceded
 * @param response  the reply's lines joined with newlines
 * @param first     the slice index of the reply's first line
 * @param end       the slice index after the reply's last line
 */
public record CdbExchange(String prompt, String command, String response, int first, int end) {
    public CdbExchange {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(response, "response");
    }

    /** The command without extra blanks and case, for matching ("~4 kb" and "~4kb " are one command). */
    public String normalCommand() {
        return normal(command);
    }

    public static String normal(String command) {
        return command.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
