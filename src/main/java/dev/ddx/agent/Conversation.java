package dev.ddx.agent;

import dev.ddx.error.DebuggerException;
import dev.ddx.event.EventBus;
import dev.ddx.event.SessionEvent;
import dev.ddx.pattern.Finding;
import dev.ddx.policy.SecretMasker;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One conversation about one incident: questions in, grounded answers out, through a langchain4j
 * agent loop over the session's tools ({@link DebuggerTools}, {@link PatternTools},
 * {@link LogTools}). The library core of {@code ddx chat}; the REPL, {@code --ask} and replay
 * all drive it.
 *
 * <p>Build it with {@link #builder()}. Everything it depends on can be injected, which is what
 * replay does: the {@link ChatModel} (and optionally a {@link StreamingChatModel}) — a scripted
 * model answers from a recording; the {@link Incident} (its {@link dev.ddx.backend.DebuggerBackend}s
 * may answer from recorded exchanges); the {@link EventBus}; the {@link Clock}. Without a model
 * it uses the {@link OfflineAnalyst}.
 *
 * <p>Events, in order, for one question (all on the bus, stamped with the bus clock):
 * {@code UserInput}; {@code FindingRaised} for each finding the first time findings are computed;
 * per model turn {@code ModelRequest} then {@code ModelResponse} (with token counts); per tool
 * call {@code ToolCall} then {@code ToolResult}; {@code AnswerPart}s while streaming; then
 * {@code Answer}. {@code Notice} says when the model failed and the offline analyst answered, or
 * an answer was cancelled; {@code Error} reports failed attempts and a dead debugger;
 * {@link #close()} emits {@code Ended}. The caller emits {@code Started} (or hands it to the
 * transcript) before the first question.
 *
 * <p>Contract: {@link #ask} never throws for model or tool failures — a tool error or a refused
 * command goes back to the model as text; a model that fails after its retries is replaced by
 * the offline analyst for that answer (outcome {@link Answer.Outcome#FELL_BACK}); a dead debugger
 * ends the session ({@link Answer.Outcome#SESSION_ENDED}, and {@link #ended()} is true). One
 * question at a time; {@link #cancel()} may be called from another thread.
 */
public final class Conversation implements AutoCloseable {
    /** The system prompt shipped in the jar. */
    public static final String SYSTEM_PROMPT_RESOURCE = "prompts/agent/system.md";

    interface Agent {
        String answer(String question);
    }

    interface StreamingAgent {
        TokenStream answer(String question);
    }

    private final Incident incident;
    private final EventBus bus;
    private final Clock clock;
    private final ToolBox toolBox;
    private final SessionMemory memory = new SessionMemory(80);
    private final String systemPrompt;
    private final RetryPolicy retry;
    private final boolean fallback;
    private final int maxToolCalls;
    private final SecretMasker masker;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);
    private final Set<Finding> raised = new HashSet<>();
    private final Agent offline;
    private volatile Agent agent;
    private volatile StreamingAgent streamingAgent;
    private volatile String modelName;
    private volatile Thread running;
    private volatile boolean cancelled;
    private volatile boolean ended;
    private Usage sessionUsage = Usage.NONE;

    Conversation(ConversationBuilder b) {
        this.incident = Objects.requireNonNull(b.incident, "incident");
        this.clock = b.clock == null ? (b.bus == null ? Clock.systemUTC() : b.bus.clock()) : b.clock;
        this.bus = b.bus == null ? new EventBus(clock) : b.bus;
        this.retry = b.retry;
        this.fallback = b.fallback;
        this.maxToolCalls = b.maxToolCalls;
        this.masker = b.masker == null ? new SecretMasker() : b.masker;
        this.systemPrompt = b.systemPrompt == null ? defaultSystemPrompt() : b.systemPrompt;
        List<Object> tools = new ArrayList<>(List.of(new PatternTools(incident)));
        if (!incident.backends().isEmpty()) tools.add(new DebuggerTools(incident));
        if (incident.logs().isPresent()) tools.add(new LogTools(incident));
        this.toolBox = new ToolBox(tools, bus, clock,
                () -> OfflineAnalyst.NAME.equals(modelName) ? Optional.empty() : Optional.of(masker), command -> incident.refresh());
        this.offline = agent(new OfflineAnalyst(incident), OfflineAnalyst.NAME, Optional.empty());
        useModel(b.modelName, b.model, b.streamingModel);
    }

    public static ConversationBuilder builder() {
        return new ConversationBuilder();
    }

    /**
     * Switches the model for the next questions (the REPL's {@code /model}); the memory of the
     * conversation is kept. A null model means the offline analyst.
     */
    public synchronized void useModel(String name, ChatModel model, StreamingChatModel streaming) {
        if (model == null || model instanceof OfflineAnalyst) {
            this.modelName = OfflineAnalyst.NAME;
            this.agent = offline;
            this.streamingAgent = null;
            return;
        }
        this.modelName = name == null ? "model" : name;
        this.agent = agent(model, modelName, Optional.of(masker));
        this.streamingAgent = streaming == null ? null : streamingAgent(streaming, modelName, Optional.of(masker));
    }

    public String modelName() {
        return modelName;
    }

    public Incident incident() {
        return incident;
    }

    public EventBus bus() {
        return bus;
    }

    /** The tool names the model is offered. */
    public List<String> toolNames() {
        return toolBox.names();
    }

    /** True once the debugger died: no more questions are answered. */
    public boolean ended() {
        return ended;
    }

    /** The session's secret masker (the transcript can reuse it so masks match). */
    public SecretMasker secretMasker() {
        return masker;
    }

    /** Tokens used by every answer so far. */
    public synchronized Usage sessionUsage() {
        return sessionUsage;
    }

    /** Answers one question, blocking until the whole answer is there. */
    public Answer ask(String question) {
        return ask(question, null);
    }

    /**
     * Answers one question, handing each piece of the answer to {@code onPart} as it arrives (and
     * emitting it as {@code AnswerPart}). Returns the whole answer when it is complete.
     */
    public Answer ask(String question, Consumer<String> onPart) {
        bus.on(new SessionEvent.UserInput(clock.instant(), question));
        if (ended) return endedAnswer(question, "the session has ended: " + toolBox.fatal().map(Throwable::getMessage).orElse("closed"));
        running = Thread.currentThread();
        cancelled = false;
        int mark = memory.mark();
        toolBox.resetErrors();
        usage.set(Usage.NONE);
        try {
            raiseFindings();
            String model = modelName;
            String text;
            Answer.Outcome outcome = Answer.Outcome.ANSWERED;
            try {
                text = run(agent, streamingAgent, question, onPart);
            } catch (ModelFailedException e) {
                if (cancelled) throw new CancellationException();
                if (!fallback || agent == offline) throw e;
                memory.rollback(mark);
                toolBox.resetErrors();
                bus.on(new SessionEvent.Notice(clock.instant(), "the model " + model + " failed (" + e.getMessage()
                        + "); the offline analyst answers instead"));
                model = OfflineAnalyst.NAME;
                outcome = Answer.Outcome.FELL_BACK;
                text = run(offline, null, question, onPart);
            }
            if (cancelled) throw new CancellationException();
            return finish(question, text, model, outcome);
        } catch (ToolBox.DebuggerDiedException | DebuggerException e) {
            return die(question, e);
        } catch (RuntimeException e) {
            if (toolBox.fatal().isPresent()) return die(question, toolBox.fatal().get());
            memory.rollback(mark);
            if (cancelled || e instanceof CancellationException || Thread.interrupted()) return cancelledAnswer(question);
            bus.on(new SessionEvent.Error(clock.instant(), "model", ModelObserver.describe(e)));
            return finish(question, "The model failed and no answer could be given: " + ModelObserver.describe(e),
                    modelName, Answer.Outcome.FELL_BACK);
        } finally {
            running = null;
            Thread.interrupted(); // a late cancel must not leak into the caller's next wait
        }
    }

    /** Cancels the answer in flight, if any; the session goes on. Safe from any thread. */
    public void cancel() {
        Thread t = running;
        if (t != null) {
            cancelled = true;
            t.interrupt();
        }
    }

    private String run(Agent a, StreamingAgent s, String question, Consumer<String> onPart) {
        if (s == null || onPart == null) {
            String text = a.answer(question);
            if (toolBox.fatal().isPresent()) throw new ToolBox.DebuggerDiedException(toolBox.fatal().get());
            if (onPart != null) streamInLines(text, onPart);
            return text;
        }
        CompletableFuture<String> done = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        s.answer(question)
                .onPartialResponse(p -> {
                    seen.append(p);
                    bus.on(new SessionEvent.AnswerPart(clock.instant(), p));
                    onPart.accept(p);
                })
                .onCompleteResponse(r -> done.complete(r.aiMessage().text() == null ? seen.toString() : r.aiMessage().text()))
                .onError(done::completeExceptionally)
                .start();
        try {
            return done.get();
        } catch (InterruptedException e) {
            cancelled = true;
            throw new CancellationException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ModelFailedException m && seen.length() == 0) throw m;
            if (c instanceof RuntimeException r) throw r;
            throw new ModelFailedException(String.valueOf(c), c);
        }
    }

    /** For models that do not stream: hand the answer over line by line, as a stream would. */
    private void streamInLines(String text, Consumer<String> onPart) {
        for (String line : text.split("(?<=\n)")) {
            bus.on(new SessionEvent.AnswerPart(clock.instant(), line));
            onPart.accept(line);
        }
    }

    private void raiseFindings() {
        for (Finding f : incident.findings()) {
            if (raised.add(f)) bus.on(new SessionEvent.FindingRaised(clock.instant(), f));
        }
    }

    private Answer finish(String question, String text, String model, Answer.Outcome outcome) {
        Usage u = usage.getAndSet(Usage.NONE);
        synchronized (this) {
            sessionUsage = new Usage(sessionUsage.inputTokens() + u.inputTokens(), sessionUsage.outputTokens() + u.outputTokens(),
                    sessionUsage.requests() + u.requests(), sessionUsage.estimated() || u.estimated());
        }
        String shown = text == null ? "" : text.strip();
        bus.on(new SessionEvent.Answer(clock.instant(), shown));
        return new Answer(question, shown, AnswerParser.patternIds(shown, incident.catalog()), next(shown), model, u,
                ModelPrices.cost(model, u), outcome);
    }

    private List<NextCommand> next(String text) {
        String dialect = incident.primary().map(b -> b.debugger()).orElse("logs");
        List<NextCommand> out = new ArrayList<>();
        for (String c : AnswerParser.nextCommands(text)) {
            if (c.startsWith("/")) continue;
            String reason = incident.nextCommands().stream().filter(n -> n.command().equals(c)).map(NextCommand::reason)
                    .findFirst().orElse("proposed in the answer");
            out.add(new NextCommand(dialect, c, reason));
        }
        return out.isEmpty() ? incident.nextCommands() : out;
    }

    private Answer cancelledAnswer(String question) {
        bus.on(new SessionEvent.Notice(clock.instant(), "answer cancelled"));
        usage.set(Usage.NONE);
        return new Answer(question, "", List.of(), List.of(), modelName, Usage.NONE, Optional.empty(), Answer.Outcome.CANCELLED);
    }

    private Answer die(String question, RuntimeException e) {
        ended = true;
        String msg = "the debugger died: " + e.getMessage();
        bus.on(new SessionEvent.Error(clock.instant(), "session", msg));
        return endedAnswer(question, msg);
    }

    private Answer endedAnswer(String question, String msg) {
        String text = "The session has ended: " + msg + ". Start ddx chat again to go on; the transcript so far is kept.";
        bus.on(new SessionEvent.Answer(clock.instant(), text));
        return new Answer(question, text, List.of(), List.of(), modelName, Usage.NONE, Optional.empty(), Answer.Outcome.SESSION_ENDED);
    }

    /** Ends the session: emits {@code Ended} and closes the debuggers. Idempotent. */
    @Override
    public void close() {
        close(ended ? "the debugger died" : "user quit");
    }

    public synchronized void close(String reason) {
        if (closedOnce) return;
        closedOnce = true;
        bus.on(new SessionEvent.Ended(clock.instant(), reason));
        incident.close();
    }

    private boolean closedOnce;

    private ModelObserver observer(String name, Optional<SecretMasker> m) {
        return new ModelObserver(name, bus, clock, m, retry, toolBox::malformed, turn, usage);
    }

    private Agent agent(ChatModel model, String name, Optional<SecretMasker> m) {
        return withSessionTools(AiServices.builder(Agent.class)
                .chatModel(new ObservedChatModel(model, observer(name, m)))).build();
    }

    private StreamingAgent streamingAgent(StreamingChatModel model, String name, Optional<SecretMasker> m) {
        return withSessionTools(AiServices.builder(StreamingAgent.class)
                .streamingChatModel(new ObservedStreamingChatModel(model, observer(name, m)))).build();
    }

    /** What the blocking and the streaming agent share: memory, prompt, tools and the tool-error policy. */
    private <T> AiServices<T> withSessionTools(AiServices<T> b) {
        return b.chatMemory(memory)
                .systemMessage(systemPrompt)
                .tools(toolBox.tools())
                .maxSequentialToolsInvocations(maxToolCalls)
                .hallucinatedToolNameStrategy(r -> ToolExecutionResultMessage.from(r, toolBox.unknownTool(r)))
                .toolExecutionErrorHandler((e, ctx) -> handleToolError(e))
                .toolArgumentsErrorHandler((e, ctx) -> handleToolError(e));
    }

    private ToolErrorHandlerResult handleToolError(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof ToolBox.DebuggerDiedException d) throw d;
            t = t.getCause() == t ? null : t.getCause();
        }
        return ToolErrorHandlerResult.text("ERROR: " + ModelObserver.describe(e)
                + ". Check the arguments against the tool's description.");
    }

    /** The system prompt shipped in the jar. */
    public static String defaultSystemPrompt() {
        try (InputStream in = Conversation.class.getClassLoader().getResourceAsStream(SYSTEM_PROMPT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + SYSTEM_PROMPT_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
