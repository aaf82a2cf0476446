package dev.ddx.agent;

import java.util.List;
import java.util.Optional;

/**
 * The answer to one question.
 *
 * @param question  what was asked, exactly as typed
 * @param text      the answer as the user sees it (empty when cancelled)
 * @param patterns  catalog ids the answer names
 * @param next      the commands it proposes, first = the one the REPL offers to run
 * @param model     the model that answered ("offline" after a fallback)
 * @param usage     tokens used for this answer
 * @param costUsd   what the tokens cost, for models with a known price
 * @param outcome   how the question ended
 */
public record Answer(String question, String text, List<String> patterns, List<NextCommand> next, String model,
                     Usage usage, Optional<Double> costUsd, Outcome outcome) {
    public Answer {
        patterns = List.copyOf(patterns);
        next = List.copyOf(next);
    }

    /** How a question ended. */
    public enum Outcome {
        /** the configured model answered */
        ANSWERED,
        /** the configured model failed; the offline analyst answered */
        FELL_BACK,
        /** the user cancelled it; nothing was answered */
        CANCELLED,
        /** the debugger died; the session is over */
        SESSION_ENDED
    }
}
