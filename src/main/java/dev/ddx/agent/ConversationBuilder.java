package dev.ddx.agent;

import dev.ddx.backend.DebuggerBackend;
import dev.ddx.catalog.Catalog;
import dev.ddx.event.EventBus;
import dev.ddx.policy.SecretMasker;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
/** Builds a {@link Conversation}. Only the incident is required. */
public final class ConversationBuilder {
    Incident incident;
    ChatModel model;
    StreamingChatModel streamingModel;
    String modelName;
    EventBus bus;
    Clock clock;
    SecretMasker masker;
    RetryPolicy retry = RetryPolicy.standard();
    boolean fallback = true;
    int maxToolCalls = 16;
    String systemPrompt;

    /** What the conversation is about (required). */
    public ConversationBuilder incident(Incident i) {
        this.incident = i;
        return this;
    }

    /** Convenience: an incident over these parts with the default detectors. */
    public ConversationBuilder incident(List<DebuggerBackend> backends, Optional<LogView> logs, Catalog catalog) {
        return incident(new Incident(backends, logs, catalog, null, Optional.empty()));
    }

    /** The model and its name as shown to the user ("openai:gpt-4o-mini"); null = the offline analyst. */
    public ConversationBuilder model(String name, ChatModel m) {
        this.modelName = name;
        this.model = m;
        return this;
    }

    /** A streaming twin of the model, used when the caller streams the answer. */
    public ConversationBuilder streamingModel(StreamingChatModel m) {
        this.streamingModel = m;
        return this;
    }

    public ConversationBuilder bus(EventBus b) {
        this.bus = b;
        return this;
    }

    /** The clock events are stamped with; defaults to the bus's clock. */
    public ConversationBuilder clock(Clock c) {
        this.clock = c;
        return this;
    }

    /**
     * The session's masker: everything sent to a model other than the offline analyst passes
     * it. Defaults to a fresh masker (which knows no environment secrets).
     */
    public ConversationBuilder secretMasker(SecretMasker m) {
        this.masker = m;
        return this;
    }

    public ConversationBuilder retryPolicy(RetryPolicy r) {
        this.retry = Objects.requireNonNull(r);
        return this;
    }

    /** Whether a failing model is replaced by the offline analyst (default yes). */
    public ConversationBuilder fallbackToOffline(boolean f) {
        this.fallback = f;
        return this;
    }

    public ConversationBuilder maxToolCalls(int n) {
        this.maxToolCalls = n;
        return this;
    }

    public ConversationBuilder systemPrompt(String p) {
        this.systemPrompt = p;
        return this;
    }

    public Conversation build() {
        return new Conversation(this);
    }
}
