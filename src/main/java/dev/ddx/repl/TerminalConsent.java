package dev.ddx.repl;

import dev.ddx.policy.Consent;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

import java.util.Locale;

/** Asks the user at the terminal whether a command that can change things may run. Default: no. */
final class TerminalConsent implements Consent {
    private final LineReader reader;
    private final Runnable beforeAsking;

    TerminalConsent(LineReader reader, Runnable beforeAsking) {
        this.reader = reader;
        this.beforeAsking = beforeAsking;
    }

    @Override
    public boolean approve(String debugger, String command, String reason) {
        beforeAsking.run();
        try {
            String a = reader.readLine(debugger + " command '" + command + "' " + reason + ". Run it? [y/N] ");
            return a != null && a.strip().toLowerCase(Locale.ROOT).matches("y|yes");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        }
    }
}
