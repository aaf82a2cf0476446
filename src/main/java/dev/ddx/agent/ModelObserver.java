package dev.ddx.agent;

import dev.ddx.event.SessionEvent;
import dev.ddx.event.SessionListener;
import dev.ddx.policy.SecretMasker;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * What the blocking and the streaming model wrappers share: masking what is sent, numbering the
 * turns, the request, response and failed-attempt events with token counts, and the retry rules.
 */
final class ModelObserver {
    private final String name;
    private final SessionListener listener;
    private final Clock clock;
    private final Optional<SecretMasker> masker;
    private final RetryPolicy retry;
    private final IntSupplier malformedToolCalls;
    private final AtomicInteger turn;
    private final AtomicReference<Usage> usage;

    ModelObserver(String name, SessionListener listener, Clock clock, Optional<SecretMasker> masker, RetryPolicy retry,
                  IntSupplier malformedToolCalls, AtomicInteger turn, AtomicReference<Usage> usage) {
        this.name = name;
        this.listener = listener;
        this.clock = clock;
        this.masker = masker;
        this.retry = retry;
        this.malformedToolCalls = malformedToolCalls;
        this.turn = turn;
        this.usage = usage;
    }

    /** A request as it leaves (secrets masked) and the turn it was numbered. */
    record Sent(ChatRequest request, int turn) {
    }

    RetryPolicy retry() {
        return retry;
    }

    /** The failure to give instead of asking again, when the model keeps making malformed tool calls. */
    Optional<ModelFailedException> tooManyMalformedCalls() {
        int n = malformedToolCalls.getAsInt();
        return n >= retry.maxToolErrors()
                ? Optional.of(new ModelFailedException("the model made " + n + " malformed or unknown tool calls", null))
                : Optional.empty();
    }

    /** Masks the request, numbers the turn and emits the request event. */
    Sent begin(ChatRequest request) {
        List<ChatMessage> messages = masker.map(m -> ChatMessages.masked(request.messages(), m)).orElse(request.messages());
        int t = turn.incrementAndGet();
        String last = messages.isEmpty() ? "" : ChatMessages.text(messages.get(messages.size() - 1));
        listener.on(new SessionEvent.ModelRequest(clock.instant(), t, name, messages.size(), last));
        return new Sent(request.toBuilder().messages(messages).build(), t);
    }

    /** Emits the failed attempt that will be retried. */
    void attemptFailed(int attempt, Throwable e) {
        listener.on(new SessionEvent.Error(clock.instant(), "model",
                "attempt " + attempt + " of " + retry.attempts() + " failed: " + describe(e)));
    }

    /** Adds the response's tokens (estimated when the provider gave none) and emits the response event. */
    void record(Sent sent, ChatResponse r) {
        AiMessage ai = r.aiMessage();
        TokenUsage tu = r.tokenUsage();
        boolean est = tu == null || tu.inputTokenCount() == null;
        int in = est ? ChatMessages.estimate(sent.request().messages()) : tu.inputTokenCount();
        int out = tu == null || tu.outputTokenCount() == null ? Usage.estimate(ChatMessages.text(ai)) : tu.outputTokenCount();
        usage.updateAndGet(u -> u.plus(in, out, est));
        List<SessionEvent.ToolRequest> calls = ai.hasToolExecutionRequests()
                ? ai.toolExecutionRequests().stream().map(ModelObserver::toolRequest).toList() : List.of();
        listener.on(new SessionEvent.ModelResponse(clock.instant(), sent.turn(), ai.text() == null ? "" : ai.text(),
                calls, in, out));
    }

    private static SessionEvent.ToolRequest toolRequest(ToolExecutionRequest r) {
        return new SessionEvent.ToolRequest(r.id() == null ? "" : r.id(), r.name(), r.arguments() == null ? "" : r.arguments());
    }

    /** Failures worth another attempt: not a bad key, a bad request, an unknown model, or our own give-up. */
    static boolean retriable(Throwable e) {
        return !(e instanceof AuthenticationException || e instanceof InvalidRequestException
                || e instanceof ModelNotFoundException || e instanceof ModelFailedException);
    }

    /** One line for a failure: {@code http: 429 Too Many Requests}. */
    static String describe(Throwable e) {
        if (e == null) return "no answer";
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replace('\n', ' ');
        if (m.length() > 200) m = m.substring(0, 200) + "…";
        return e.getClass().getSimpleName().replace("Exception", "").toLowerCase() + ": " + m;
    }
}
