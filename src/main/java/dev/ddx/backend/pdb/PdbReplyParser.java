package dev.ddx.backend.pdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddx.error.DebuggerException;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.CounterSeries;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LoadedModule;
import dev.ddx.model.LockInfo;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import dev.ddx.model.Variable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns the pdb driver's JSON replies into model records: threads and frames (innermost first,
 * with owner, source line text and bounded locals), the lock graph, exception chains, modules
 * and counter series. Pure: no I/O.
 */
public final class PdbReplyParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Linux clock ticks per second as reported in /proc (USER_HZ), for thread CPU times. */
    private static final long TICK_MILLIS = 10;

    private PdbReplyParser() {
    }

    /** The {@code result} of a reply line; a driver-side failure becomes a DebuggerException. */
    public static JsonNode result(String replyLine) {
        try {
            JsonNode reply = JSON.readTree(replyLine);
            if (!reply.path("ok").asBoolean(false)) {
                throw new DebuggerException("the pdb driver failed: " + reply.path("error").asText("no reason given"),
                        "run with --debug and report it");
            }
            return reply.path("result");
        } catch (IOException e) {
            throw new DebuggerException("the pdb driver sent something that is not JSON", "run with --debug", e);
        }
    }

    public static List<TargetThread> threads(JsonNode threads) {
        List<TargetThread> out = new ArrayList<>();
        for (JsonNode t : threads) {
            OptionalLong nid = t.hasNonNull("native_id") ? OptionalLong.of(t.get("native_id").asLong())
                    : OptionalLong.empty();
            Optional<Duration> cpu = t.hasNonNull("cpu_ticks")
                    ? Optional.of(Duration.ofMillis(t.get("cpu_ticks").asLong() * TICK_MILLIS)) : Optional.empty();
            List<StackFrame> frames = frames(t.path("frames"));
            out.add(new TargetThread(t.path("id").asText(), nid, t.path("name").asText(),
                    state(t.path("state").asText()), cpu, t.path("daemon").asBoolean(false), frames,
                    t.path("depth").asInt(frames.size())));
        }
        return out;
    }

    static ThreadState state(String s) {
        try {
            return ThreadState.valueOf(s);
        } catch (IllegalArgumentException e) {
            return ThreadState.UNKNOWN;
        }
    }

    public static List<StackFrame> frames(JsonNode frames) {
        List<StackFrame> out = new ArrayList<>();
        int i = 0;
        for (JsonNode f : frames) {
            int index = f.path("index").asInt(i++);
            String file = f.path("file").asText("");
            int line = f.path("line").asInt(0);
            Optional<SourceLocation> src = file.isEmpty() ? Optional.empty()
                    : Optional.of(new SourceLocation(file, line));
            String text = f.path("text").asText("");
            out.add(new StackFrame(index, f.path("function").asText("??"), f.path("module").asText(""), src,
                    OptionalLong.empty(), List.of(), variables(f.path("locals")),
                    text.isEmpty() ? Optional.empty() : Optional.of(text), owner(f.path("owner").asText(""))));
        }
        return out;
    }

    static CodeOwner owner(String s) {
        return switch (s) {
            case "user" -> CodeOwner.USER;
            case "library" -> CodeOwner.LIBRARY;
            case "system" -> CodeOwner.SYSTEM;
            default -> CodeOwner.UNKNOWN;
        };
    }

    private static List<Variable> variables(JsonNode locals) {
        List<Variable> out = new ArrayList<>();
        for (JsonNode v : locals) out.add(new Variable(v.path(0).asText(), v.path(1).asText(), v.path(2).asText()));
        return out;
    }

    public static List<LockInfo> locks(JsonNode locks) {
        List<LockInfo> out = new ArrayList<>();
        for (JsonNode l : locks) {
            List<String> waiters = new ArrayList<>();
            l.path("waiters").forEach(w -> waiters.add(w.asText()));
            Map<String, String> attrs = new LinkedHashMap<>();
            l.path("attributes").fields().forEachRemaining(e -> attrs.put(e.getKey(), e.getValue().asText()));
            out.add(new LockInfo(l.path("id").asText(), l.path("kind").asText(), l.path("name").asText(""),
                    text(l, "owner"), waiters, text(l, "acquired_at"), attrs));
        }
        return out;
    }

    /**
     * An exception chain as the driver lists it (outermost first, each link saying how it relates
     * to the one before) folded into one ExceptionInfo whose causes are the later links.
     */
    public static Optional<ExceptionInfo> exception(JsonNode chain) {
        ExceptionInfo inner = null;
        ExceptionInfo.Relation innerRelation = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            JsonNode link = chain.get(i);
            Optional<ExceptionInfo.Cause> cause = inner == null ? Optional.empty()
                    : Optional.of(new ExceptionInfo.Cause(innerRelation, inner));
            inner = new ExceptionInfo(link.path("type").asText("Exception"), link.path("message").asText(""),
                    text(link, "thread"), Optional.empty(), frames(link.path("frames")), cause, List.of());
            innerRelation = "cause".equals(link.path("relation").asText()) ? ExceptionInfo.Relation.CAUSE
                    : ExceptionInfo.Relation.CONTEXT;
        }
        return Optional.ofNullable(inner);
    }

    public static List<LoadedModule> modules(JsonNode modules) {
        List<LoadedModule> out = new ArrayList<>();
        for (JsonNode m : modules) {
            String path = m.path("path").asText("");
            out.add(new LoadedModule(m.path("name").asText(), path.isEmpty() ? m.path("name").asText() : path,
                    Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), text(m, "version"),
                    Optional.empty(), true));
        }
        return out;
    }

    public static List<CounterSeries> counters(JsonNode series) {
        List<CounterSeries> out = new ArrayList<>();
        for (JsonNode s : series) {
            List<CounterSeries.Sample> samples = new ArrayList<>();
            for (JsonNode p : s.path("samples")) samples.add(new CounterSeries.Sample(p.path(0).asLong(), p.path(1).asDouble()));
            out.add(new CounterSeries(s.path("name").asText(), s.path("subject").asText(), s.path("unit").asText(""),
                    samples));
        }
        return out;
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }
}
