package dev.ddx.event;

import dev.ddx.pattern.Finding;

import java.time.Instant;
import java.util.List;

/**
 * What happens in a session, in the order it happens. The agent, the summariser and the
 * backends emit these; the terminal, the transcript writer and the report builder listen.
 * Every event carries the time it happened (from the session's injected clock).
 */
public sealed interface SessionEvent {

    Instant time();

    /** The first event: what ddx, what target, what model, what catalog. */
    record Started(Instant time, String ddxVersion, String mode, String target, String model,
                   String catalogVersion) implements SessionEvent {
    }

    /** A question or a /command the user typed (or an --ask question). */
    record UserInput(Instant time, String text) implements SessionEvent {
    }

    /** A request to the model: which turn, how many messages, the last message's text. */
    record ModelRequest(Instant time, int turn, String model, int messages, String lastMessage)
            implements SessionEvent {
    }

    /** The model's answer to one request: text and/or tool calls, with token counts. */
    record ModelResponse(Instant time, int turn, String text, List<ToolRequest> toolCalls,
                         int inputTokens, int outputTokens) implements SessionEvent {
        public ModelResponse {
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** One tool call the model asked for. */
    record ToolRequest(String id, String name, String arguments) {
    }

    /** A tool is about to run. */
    record ToolCall(Instant time, String id, String name, String arguments) implements SessionEvent {
    }

    /** A tool's result as the model sees it; {@code error} when it failed or was refused. */
    record ToolResult(Instant time, String id, String name, String result, boolean error)
            implements SessionEvent {
    }

    /** One raw command sent to a debugger and what it printed. */
    record DebuggerExchange(Instant time, String debugger, String command, String output, long millis)
            implements SessionEvent {
    }

    /** A pattern found, with its evidence. */
    record FindingRaised(Instant time, Finding finding) implements SessionEvent {
    }

    /** A piece of an answer as it streams to the user. */
    record AnswerPart(Instant time, String text) implements SessionEvent {
    }

    /** The whole answer to one question, or a whole summary. */
    record Answer(Instant time, String text) implements SessionEvent {
    }

    /** Something the user should know that is not an answer ("the model timed out; the offline analyst answers"). */
    record Notice(Instant time, String text) implements SessionEvent {
    }

    /** A failure; {@code who} is user, model, session or internal. */
    record Error(Instant time, String who, String message) implements SessionEvent {
    }

    /** The last event: why the session ended. */
    record Ended(Instant time, String reason) implements SessionEvent {
    }
}
