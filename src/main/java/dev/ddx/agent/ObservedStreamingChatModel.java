package dev.ddx.agent;

import dev.ddx.event.SessionEvent;
import dev.ddx.event.SessionListener;
import dev.ddx.policy.SecretMasker;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * The streaming twin of {@link ObservedChatModel}: masks what is sent, emits the request and
 * response events with token counts, and retries a request that failed before any text arrived;
 * after that, or when the retries are spent, the handler gets a {@link ModelFailedException}.
 */
final class ObservedStreamingChatModel implements StreamingChatModel {
    private final StreamingChatModel delegate;
    private final String name;
    private final SessionListener listener;
    private final Clock clock;
    private final Optional<SecretMasker> masker;
    private final RetryPolicy retry;
    private final IntSupplier malformedToolCalls;
    private final AtomicInteger turn;
    private final AtomicReference<Usage> usage;

    ObservedStreamingChatModel(StreamingChatModel delegate, String name, SessionListener listener, Clock clock,
                               Optional<SecretMasker> masker, RetryPolicy retry, IntSupplier malformedToolCalls,
                               AtomicInteger turn, AtomicReference<Usage> usage) {
        this.delegate = delegate;
        this.name = name;
        this.listener = listener;
        this.clock = clock;
        this.masker = masker;
        this.retry = retry;
        this.malformedToolCalls = malformedToolCalls;
        this.turn = turn;
        this.usage = usage;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        if (malformedToolCalls.getAsInt() >= retry.maxToolErrors()) {
            handler.onError(new ModelFailedException("the model made " + malformedToolCalls.getAsInt()
                    + " malformed or unknown tool calls", null));
            return;
        }
        List<ChatMessage> messages = masker.map(m -> ChatMessages.masked(request.messages(), m)).orElse(request.messages());
        ChatRequest sent = request.toBuilder().messages(messages).build();
        int t = turn.incrementAndGet();
        String last = messages.isEmpty() ? "" : ChatMessages.text(messages.get(messages.size() - 1));
        listener.on(new SessionEvent.ModelRequest(clock.instant(), t, name, messages.size(), last));
        attempt(sent, handler, t, 1);
    }

    private void attempt(ChatRequest sent, StreamingChatResponseHandler handler, int t, int attempt) {
        AtomicBoolean streamed = new AtomicBoolean();
        delegate.chat(sent, new StreamingChatResponseHandler() {
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
                record(t, sent.messages(), r);
                handler.onCompleteResponse(r);
            }

            @Override
            public void onError(Throwable e) {
                boolean again = !streamed.get() && attempt < retry.attempts() && ObservedChatModel.retriable(e)
                        && !Thread.currentThread().isInterrupted();
                if (!again) {
                    handler.onError(new ModelFailedException(ObservedChatModel.describe(e), e));
                    return;
                }
                listener.on(new SessionEvent.Error(clock.instant(), "model",
                        "attempt " + attempt + " of " + retry.attempts() + " failed: " + ObservedChatModel.describe(e)));
                try {
                    Thread.sleep(retry.delayBefore(attempt + 1).toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    handler.onError(new ModelFailedException("interrupted", ie));
                    return;
                }
                attempt(sent, handler, t, attempt + 1);
            }
        });
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
}
