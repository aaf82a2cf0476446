package dev.ddx.agent;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The streaming twin of {@link ObservedChatModel}: masks what is sent, emits the request and
 * response events with token counts, and retries a request that failed before any text arrived;
 * after that, or when the retries are spent, the handler gets a {@link ModelFailedException}.
 */
final class ObservedStreamingChatModel implements StreamingChatModel {
    private final StreamingChatModel delegate;
    private final ModelObserver observer;

    ObservedStreamingChatModel(StreamingChatModel delegate, ModelObserver observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        var tooMany = observer.tooManyMalformedCalls();
        if (tooMany.isPresent()) {
            handler.onError(tooMany.get());
            return;
        }
        attempt(observer.begin(request), handler, 1);
    }

    private void attempt(ModelObserver.Sent sent, StreamingChatResponseHandler handler, int attempt) {
        AtomicBoolean streamed = new AtomicBoolean();
        delegate.chat(sent.request(), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                streamed.set(true);
                handler.onPartialResponse(partial);
            }

            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                streamed.set(true);
                handler.onPartialResponse(partial, context);
            }

            @Override
            public void onCompleteToolCall(CompleteToolCall call) {
                handler.onCompleteToolCall(call);
            }

            @Override
            public void onCompleteResponse(ChatResponse r) {
                observer.record(sent, r);
                handler.onCompleteResponse(r);
            }

            @Override
            public void onError(Throwable e) {
                RetryPolicy retry = observer.retry();
                boolean again = !streamed.get() && attempt < retry.attempts() && ModelObserver.retriable(e)
                        && !Thread.currentThread().isInterrupted();
                if (!again) {
                    handler.onError(new ModelFailedException(ModelObserver.describe(e), e));
                    return;
                }
                observer.attemptFailed(attempt, e);
                try {
                    Thread.sleep(retry.delayBefore(attempt + 1).toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    handler.onError(new ModelFailedException("interrupted", ie));
                    return;
                }
                attempt(sent, handler, attempt + 1);
            }
        });
    }
}
