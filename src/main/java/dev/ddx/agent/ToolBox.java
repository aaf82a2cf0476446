package dev.ddx.agent;

import dev.ddx.error.CommandRefusedException;
import dev.ddx.error.DdxException;
import dev.ddx.error.DebuggerException;
import dev.ddx.error.DebuggerTimeoutException;
import dev.ddx.event.SessionEvent;
import dev.ddx.event.SessionListener;
import dev.ddx.policy.SecretMasker;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The agent's tools as langchain4j sees them, with ddx's one error policy: a tool that fails
 * (bad arguments, no such thread, a refused command, a debugger timeout) answers the model with
 * an error text starting with {@code ERROR:} or {@code REFUSED:} and the session goes on; a
 * debugger that died is remembered as fatal and stops the answer. Every call emits
 * {@link SessionEvent.ToolCall} and {@link SessionEvent.ToolResult}; results are masked by the
 * session's {@link SecretMasker} while the model is a remote one.
 */
public final class ToolBox {
    private final Map<ToolSpecification, ToolExecutor> tools = new LinkedHashMap<>();
    private final SessionListener listener;
    private final Clock clock;
    private final Supplier<Optional<SecretMasker>> masker;
    private final AtomicReference<DebuggerException> fatal = new AtomicReference<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger malformed = new AtomicInteger();
    private final Consumer<String> onChange;

    public ToolBox(List<Object> toolObjects, SessionListener listener, Clock clock, Supplier<Optional<SecretMasker>> masker,
                   Consumer<String> onChange) {
        this.listener = listener;
        this.clock = clock;
        this.masker = masker;
        this.onChange = onChange;
        for (Object o : toolObjects) {
            for (Method m : o.getClass().getDeclaredMethods()) {
                if (!m.isAnnotationPresent(Tool.class)) continue;
                ToolSpecification spec = ToolSpecifications.toolSpecificationFrom(m);
                tools.put(spec, new Observed(spec.name(), new ToolMethod(o, m)));
            }
        }
    }

    /** Specifications and executors, for {@code AiServices.tools(Map)}. */
    public Map<ToolSpecification, ToolExecutor> tools() {
        return tools;
    }

    public List<String> names() {
        return tools.keySet().stream().map(ToolSpecification::name).toList();
    }

    /** The debugger death a tool call ran into, if any; the session must end. */
    public Optional<DebuggerException> fatal() {
        return Optional.ofNullable(fatal.get());
    }

    /** How many tool calls failed since the last {@link #resetErrors()}. */
    public int errors() {
        return errors.get();
    }

    /** How many calls named no tool or carried arguments the tool could not take, since the last reset. */
    public int malformed() {
        return malformed.get();
    }

    public void resetErrors() {
        errors.set(0);
        malformed.set(0);
    }

    /** The answer the model gets when it calls a tool that does not exist. */
    public String unknownTool(ToolExecutionRequest r) {
        errors.incrementAndGet();
        malformed.incrementAndGet();
        String text = "ERROR: there is no tool named '" + r.name() + "'. The tools are: " + String.join(", ", names());
        listener.on(new SessionEvent.ToolCall(clock.instant(), id(r), r.name(), nn(r.arguments())));
        listener.on(new SessionEvent.ToolResult(clock.instant(), id(r), r.name(), text, true));
        return text;
    }

    private static String id(ToolExecutionRequest r) {
        return r.id() == null ? "" : r.id();
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private final class Observed implements ToolExecutor {
        private final String name;
        private final ToolMethod delegate;

        Observed(String name, ToolMethod delegate) {
            this.name = name;
            this.delegate = delegate;
        }

        @Override
        public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
            String text = run(request, context);
            return ToolExecutionResult.builder().resultText(text).isError(text.startsWith("ERROR:") || text.startsWith("REFUSED:")).build();
        }

        @Override
        public String execute(ToolExecutionRequest request, Object memoryId) {
            return run(request, null);
        }

        private String run(ToolExecutionRequest request, InvocationContext context) {
            listener.on(new SessionEvent.ToolCall(clock.instant(), id(request), name, nn(request.arguments())));
            String text;
            boolean error = true;
            try {
                if (fatal.get() != null) throw fatal.get();
                text = delegate.invoke(request.arguments());
                if (text == null) text = "";
                error = false;
                if (name.equals("run_debugger_command")) onChange.accept(request.arguments());
            } catch (CommandRefusedException e) {
                text = "REFUSED: " + e.getMessage() + ". The command did not run. " + e.hint();
            } catch (DebuggerTimeoutException e) {
                text = "ERROR: the debugger did not answer in time: " + e.getMessage() + ". Try a narrower command.";
            } catch (DebuggerException e) {
                fatal.compareAndSet(null, e);
                text = "ERROR: the debugger died: " + e.getMessage();
            } catch (DdxException e) {
                text = "ERROR: " + e.getMessage() + (e.hint().isEmpty() ? "" : ". " + e.hint());
            } catch (DebuggerDiedException e) {
                throw e;
            } catch (ToolMethod.BadArgumentsException e) {
                malformed.incrementAndGet();
                text = "ERROR: the arguments of " + name + " are malformed: " + rootMessage(e) + ". Check them against the tool's description.";
            } catch (RuntimeException e) {
                malformed.incrementAndGet();
                text = "ERROR: " + name + " failed: " + rootMessage(e) + ". Check the arguments against the tool's description.";
            }
            if (error) errors.incrementAndGet();
            String raw = text;
            String shown = masker.get().map(m -> m.mask(raw)).orElse(raw);
            listener.on(new SessionEvent.ToolResult(clock.instant(), id(request), name, shown, error));
            if (fatal.get() != null) throw new DebuggerDiedException(fatal.get());
            return shown;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Thrown out of the agent loop when the debugger died: the answer stops, the session ends. */
    public static final class DebuggerDiedException extends RuntimeException {
        public DebuggerDiedException(DebuggerException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
