package dev.ddx.transcript;

import dev.ddx.agent.ChatMessages;
import dev.ddx.event.SessionEvent;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The model of a replay: answers each request with the response the recording has for it, in
 * order, and fails on any request it did not expect — one past the end of the recording, or
 * one whose message count or (normalised) last message differs from the recorded request. A
 * failure is thrown as a non-retriable model error and kept in {@link #surprises()}, so the
 * replay reports it as drift.
 */
public final class ScriptedChatModel implements ChatModel {

    /** One recorded model turn: what was asked and what came back. */
    public record Turn(SessionEvent.ModelRequest request, SessionEvent.ModelResponse response) {
    }

    private final List<Turn> turns;
    private final UnaryOperator<String> expectedNorm;
    private final UnaryOperator<String> actualNorm;
    private final List<String> surprises = new ArrayList<>();
    private int next;

    /**
     * @param expectedNorm applied to the recorded last message before comparing
     * @param actualNorm   applied to the last message of the request the replay makes
     */
    public ScriptedChatModel(List<Turn> turns, UnaryOperator<String> expectedNorm, UnaryOperator<String> actualNorm) {
        this.turns = List.copyOf(turns);
        this.expectedNorm = expectedNorm;
        this.actualNorm = actualNorm;
    }

    /** The model turns of a transcript, paired in order. */
    public static List<Turn> turns(List<SessionEvent> events) {
        List<Turn> out = new ArrayList<>();
        SessionEvent.ModelRequest pending = null;
        for (SessionEvent e : events) {
            if (e instanceof SessionEvent.ModelRequest r) pending = r;
            if (e instanceof SessionEvent.ModelResponse r && pending != null) {
                out.add(new Turn(pending, r));
                pending = null;
            }
        }
        return out;
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        String last = messages.isEmpty() ? "" : ChatMessages.text(messages.get(messages.size() - 1));
        if (next >= turns.size()) {
            throw surprise("the model was asked a request the recording does not have (request " + (next + 1)
                    + ", " + messages.size() + " messages, last: " + brief(last) + ")");
        }
        Turn t = turns.get(next);
        if (t.request().messages() != messages.size()
                || !expectedNorm.apply(t.request().lastMessage()).equals(actualNorm.apply(last))) {
            throw surprise("model request " + (next + 1) + " differs from the recording: expected "
                    + t.request().messages() + " messages ending " + brief(t.request().lastMessage()) + ", got "
                    + messages.size() + " messages ending " + brief(last));
        }
        next++;
        return response(t.response());
    }

    private InvalidRequestException surprise(String what) {
        surprises.add(what);
        return new InvalidRequestException("replay: " + what);
    }

    private static ChatResponse response(SessionEvent.ModelResponse r) {
        List<ToolExecutionRequest> calls = r.toolCalls().stream()
                .map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(c.arguments()).build())
                .toList();
        String text = r.text() == null || r.text().isEmpty() ? null : r.text();
        AiMessage ai = calls.isEmpty() ? AiMessage.from(text == null ? "" : text)
                : text == null ? AiMessage.from(calls) : AiMessage.from(text, calls);
        return ChatResponse.builder().aiMessage(ai).tokenUsage(new TokenUsage(r.inputTokens(), r.outputTokens()))
                .finishReason(calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_EXECUTION).build();
    }

    /** Requests the recording did not expect, in order. */
    public synchronized List<String> surprises() {
        return List.copyOf(surprises);
    }

    /** Recorded turns that were never asked for. */
    public synchronized int unused() {
        return turns.size() - next;
    }

    private static String brief(String s) {
        String one = (s == null ? "" : s).replace('\n', ' ');
        return "'" + (one.length() > 80 ? one.substring(0, 80) + "…" : one) + "'";
    }
}
