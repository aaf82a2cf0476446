package dev.ddx.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddx.analysis.NextCommand;
import dev.ddx.model.InputInfo;
import dev.ddx.model.LineRange;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.Variable;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;

import java.io.UncheckedIOException;

/**
 * Renders an {@link IncidentReport} as JSON, schema version {@value #SCHEMA}. The shape is
 * documented in the README and stable: fields are only ever added. Absent values are
 * {@code null}, lists are never missing, addresses are hex strings.
 */
public final class JsonRenderer {
    public static final int SCHEMA = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(IncidentReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.set("target", target(r.target()));
        root.set("input", input(r.input()));
        root.put("headline", r.headline());
        root.put("signature", r.signature());
        ArrayNode findings = root.putArray("findings");
        r.findings().forEach(f -> findings.add(finding(f)));
        root.set("crash", r.crash().map(JsonRenderer::crash).orElse(null));
        root.set("culprit", r.culprit().map(JsonRenderer::culprit).orElse(null));
        ArrayNode threads = root.putArray("threads");
        r.threads().forEach(t -> threads.add(thread(t)));
        ArrayNode groups = root.putArray("threadGroups");
        for (ThreadGroup g : r.threadGroups()) {
            ObjectNode n = groups.addObject();
            ArrayNode ids = n.putArray("threads");
            g.threadIds().forEach(ids::add);
            n.put("top", g.frames().isEmpty() ? null : g.frames().get(0).function());
        }
        ArrayNode next = root.putArray("nextCommands");
        for (NextCommand c : r.nextCommands()) {
            next.addObject().put("debugger", c.debugger()).put("command", c.command()).put("why", c.why());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode target(TargetProcess p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("executable", p.executable());
        if (p.pid().isPresent()) n.put("pid", p.pid().getAsLong()); else n.putNull("pid");
        ArrayNode args = n.putArray("arguments");
        p.arguments().forEach(args::add);
        n.put("runtime", p.runtime().name().toLowerCase());
        n.put("capture", p.capture().name().toLowerCase());
        n.put("state", p.state().name().toLowerCase());
        if (p.exitCode().isPresent()) n.put("exitCode", p.exitCode().getAsLong()); else n.putNull("exitCode");
        return n;
    }

    private static ObjectNode input(InputInfo in) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", in.kind());
        n.put("description", in.description());
        ArrayNode un = n.putArray("unparsed");
        for (LineRange l : in.unparsed()) un.addObject().put("file", l.file()).put("first", l.first()).put("last", l.last());
        ArrayNode notes = n.putArray("notes");
        in.notes().forEach(notes::add);
        return n;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("pattern", f.patternId());
        n.put("title", f.title());
        n.put("confidence", f.confidence());
        ArrayNode ev = n.putArray("evidence");
        for (Evidence e : f.evidence()) {
            ObjectNode x = ev.addObject();
            x.put("fact", e.fact());
            x.put("source", e.source());
            x.put("thread", e.thread().orElse(null));
            if (e.frame().isPresent()) x.put("frame", e.frame().getAsInt()); else x.putNull("frame");
            x.put("lines", e.lines().map(LineRange::toString).orElse(null));
        }
        return n;
    }

    private static ObjectNode crash(CrashView c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("signal", c.signal().map(s -> s.name()).orElse(null));
        n.put("code", c.signal().map(s -> s.codeName()).filter(x -> !x.isEmpty()).orElse(null));
        n.put("type", c.type());
        n.put("message", c.message());
        n.put("faultAddress", c.faultAddress().isPresent() ? "0x" + Long.toHexString(c.faultAddress().getAsLong()) : null);
        n.put("thread", c.thread().isEmpty() ? null : c.thread());
        n.set("frame", c.frame().map(JsonRenderer::frame).orElse(null));
        return n;
    }

    private static ObjectNode culprit(CulpritView c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("thread", c.threadId().isEmpty() ? null : c.threadId());
        n.set("frame", frame(c.frame()));
        n.put("reason", c.reason());
        ArrayNode ctx = n.putArray("source");
        for (SourceLine l : c.context()) ctx.addObject().put("line", l.number()).put("text", l.text()).put("current", l.current());
        n.put("badPointer", c.badPointer().orElse(null));
        n.set("arguments", variables(c.frame().arguments()));
        n.set("locals", variables(c.frame().locals()));
        return n;
    }

    private static ArrayNode variables(java.util.List<Variable> vars) {
        ArrayNode a = JSON.createArrayNode();
        for (Variable v : vars) a.addObject().put("name", v.name()).put("type", v.type()).put("value", v.value());
        return a;
    }

    private static ObjectNode thread(TargetThread t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", t.id());
        if (t.nativeId().isPresent()) n.put("nativeId", t.nativeId().getAsLong()); else n.putNull("nativeId");
        n.put("name", t.name());
        n.put("state", t.state().name().toLowerCase());
        if (t.cpuTime().isPresent()) n.put("cpuMillis", t.cpuTime().get().toMillis()); else n.putNull("cpuMillis");
        n.put("depth", t.depth());
        ArrayNode frames = n.putArray("frames");
        t.frames().forEach(f -> frames.add(frame(f)));
        return n;
    }

    static ObjectNode frame(StackFrame f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("index", f.index());
        n.put("function", f.function());
        n.put("file", f.source().map(s -> s.file()).orElse(null));
        if (f.source().isPresent() && f.source().get().line() > 0) n.put("line", f.source().get().line()); else n.putNull("line");
        n.put("module", f.module().isEmpty() ? null : f.module());
        n.put("owner", f.owner().name().toLowerCase());
        return n;
    }
}
