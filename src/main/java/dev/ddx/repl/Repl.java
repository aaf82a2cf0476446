package dev.ddx.repl;

import dev.ddx.agent.Conversation;
import dev.ddx.agent.ModelChoice;
import dev.ddx.error.UsageException;
import dev.ddx.policy.Consent;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** The terminal conversation of {@code ddx chat}. */
public final class Repl {
    private Repl() {
    }

    /** Runs the REPL on the process's terminal until /quit or Ctrl-D; returns the exit code. */
    public static int run(Conversation conversation, ModelChoice choice, Consumer<Consent> installConsent,
                          PrintWriter out, PrintWriter err) {
        conversation.close();
        throw new UsageException("the terminal conversation is not available in this build yet", "use --ask \"QUESTION\"");
    }
}
