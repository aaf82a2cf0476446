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
import dev.langchain4j.model.chat.ChatModel;
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
 * Wraps the session's model: masks secrets in every message before it leaves (when a masker is
 * set), emits {@link SessionEvent.ModelRequest} and {@link SessionEvent.ModelResponse} with token
 * counts, retries failures with backoff per the {@link RetryPolicy}, and gives up with a
 * {@link ModelFailedException} (also when the model keeps making malformed tool calls).
 */
final class ObservedChatModel implements ChatModel {
    private final ChatModel delegate;
    private final String name;
    private final SessionListener listener;
    private final Clock clock;
    private final Optional<SecretMasker> masker;
    private final RetryPolicy retry;
    private final IntSupplier malformedToolCalls;
    private final AtomicInteger turn;
    private final AtomicReference<Usage> usage;

    ObservedChatModel(ChatModel delegate, String name, SessionListener listener, Clock clock,
                      Optional<SecretMasker> masker, RetryPolicy retry, IntSupplier malformedToolCalls,
                      AtomicInteger turn, AtomicReference<Usage> usage) {
        this.turn = turn;
        this.usage = usage;
        this.delegate = delegate;
        this.name = name;
        this.listener = listener;
        this.clock = clock;
        this.masker = masker;
        this.retry = retry;
        this.malformedToolCalls = malformedToolCalls;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        if (malformedToolCalls.getAsInt() >= retry.maxToolErrors()) {
            throw new ModelFailedException("the model made " + malformedToolCalls.getAsInt()
                    + " malformed or unknown tool calls", null);
        }
        List<ChatMessage> messages = masker.map(m -> ChatMessages.masked(request.messages(), m)).orElse(request.messages());
        ChatRequest sent = request.toBuilder().messages(messages).build();
        int t = turn.incrementAndGet();
        String last = messages.isEmpty() ? "" : ChatMessages.text(messages.get(messages.size() - 1));
        listener.on(new SessionEvent.ModelRequest(clock.instant(), t, name, messages.size(), last));
        ChatResponse r = callWithRetries(sent);
        record(t, messages, r);
        return r;
    }

    private ChatResponse callWithRetries(ChatRequest sent) {
        RuntimeException lastError = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            if (attempt > 1) sleep(attempt);
            try {
                return delegate.chat(sent);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) throw e;
                lastError = e;
                if (!retriable(e)) break;
                listener.on(new SessionEvent.Error(clock.instant(), "model",
                        "attempt " + attempt + " of " + retry.attempts() + " failed: " + describe(e)));
            }
        }
        throw new ModelFailedException(describe(lastError), lastError);
    }

    private void record(int t, List<ChatMessage> sent, ChatResponse r) {
        AiMessage ai = r.aiMessage();
        TokenUsage tu = r.tokenUsage();
        boolean est = tu == null || tu.inputTokenCount() == null;
        int in = est ? ChatMessages.estimate(sent) : tu.inputTokenCount();
        int out = tu == null || tu.outputTokenCount() == null ? Usage.estimate(ChatMessages.text(ai)) : tu.outputTokenCount();
        usage.updateAndGet(u -> u.plus(in, out, est));
        List<SessionEvent.ToolRequest> calls = ai.hasToolExecutionRequests()
                ? ai.toolExecutionRequests().stream().map(ObservedChatModel::toolRequest).toList() : List.of();
        listener.on(new SessionEvent.ModelResponse(clock.instant(), t, ai.text() == null ? "" : ai.text(), calls, in, out));
    }

    static SessionEvent.ToolRequest toolRequest(ToolExecutionRequest r) {
        return new SessionEvent.ToolRequest(r.id() == null ? "" : r.id(), r.name(), r.arguments() == null ? "" : r.arguments());
    }

    static boolean retriable(Throwable e) {
        return !(e instanceof AuthenticationException || e instanceof InvalidRequestException
                || e instanceof ModelNotFoundException || e instanceof ModelFailedException);
    }

    static String describe(Throwable e) {
        if (e == null) return "no answer";
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replace('\n', ' ');
        if (m.length() > 200) m = m.substring(0, 200) + "…";
        return e.getClass().getSimpleName().replace("Exception", "").toLowerCase() + ": " + m;
    }

    private void sleep(int attempt) {
        try {
            Thread.sleep(retry.delayBefore(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailedException("interrupted", e);
        }
    }
}
