package dev.ddx.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * Wraps the session's model: masks secrets in every message before it leaves (when a masker is
 * set), emits {@link dev.ddx.event.SessionEvent.ModelRequest} and {@link dev.ddx.event.SessionEvent.ModelResponse} with token
 * counts, retries failures with backoff per the {@link RetryPolicy}, and gives up with a
 * {@link ModelFailedException} (also when the model keeps making malformed tool calls).
 */
final class ObservedChatModel implements ChatModel {
    private final ChatModel delegate;
    private final ModelObserver observer;

    ObservedChatModel(ChatModel delegate, ModelObserver observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        observer.tooManyMalformedCalls().ifPresent(e -> {
            throw e;
        });
        ModelObserver.Sent sent = observer.begin(request);
        ChatResponse r = callWithRetries(sent.request());
        observer.record(sent, r);
        return r;
    }

    private ChatResponse callWithRetries(ChatRequest sent) {
        RuntimeException lastError = null;
        RetryPolicy retry = observer.retry();
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            if (attempt > 1) sleep(retry, attempt);
            try {
                return delegate.chat(sent);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) throw e;
                lastError = e;
                if (!ModelObserver.retriable(e)) break;
                observer.attemptFailed(attempt, e);
            }
        }
        throw new ModelFailedException(ModelObserver.describe(lastError), lastError);
    }

    private static void sleep(RetryPolicy retry, int attempt) {
        try {
            Thread.sleep(retry.delayBefore(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailedException("interrupted", e);
        }
    }
}
