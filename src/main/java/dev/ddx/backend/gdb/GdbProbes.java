package dev.ddx.backend.gdb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddx.error.DebuggerException;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.Probe;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which pointer is bad: for a SIGSEGV or SIGBUS, evaluates every dereference prefix of the crashing
 * line in the crashing frame; when the crash is inside a library, of the first line of the
 * program's own code below it (its call arguments included).
 */
final class GdbProbes {
    private static final JsonFactory JSON = new JsonFactory();

    private GdbProbes() {
    }

    static Snapshot add(GdbSession s, Snapshot snap) {
        if (snap.exception().flatMap(e -> e.signal()).map(sig -> sig.number() == 11 || sig.number() == 7).orElse(false)) {
            Optional<TargetThread> thread = snap.faultingThread();
            Optional<StackFrame> frame = thread.flatMap(GdbProbes::probedFrame);
            if (frame.isPresent()) {
                List<String> exprs = DereferenceParser.expressions(frame.get().sourceText().orElse(""));
                if (!exprs.isEmpty()) return snap.withProbes(evaluate(s, thread.get().id(), frame.get().index(), exprs));
            }
        }
        return snap;
    }

    /** The crashing frame when it is the program's own code with its source line, else the first such frame. */
    static Optional<StackFrame> probedFrame(TargetThread t) {
        return t.frames().stream()
                .filter(f -> f.owner() == CodeOwner.USER && f.sourceText().isPresent())
                .findFirst();
    }

    private static List<Probe> evaluate(GdbSession s, String threadId, int frame, List<String> exprs) {
        List<Probe> out = new ArrayList<>();
        try {
            JsonNode doc = s.helper("ddx-probe " + request(threadId, frame, exprs), s.ctx().callTimeout());
            for (JsonNode p : doc.path("probes")) {
                out.add(new Probe(threadId, frame, p.path("expr").asText(), p.path("value").asText(),
                        Probe.Status.valueOf(p.path("status").asText("ERROR"))));
            }
        } catch (DebuggerException e) {
            if (!s.transport().alive()) throw e;
            out.add(new Probe(threadId, frame, String.join(", ", exprs), e.getMessage(), Probe.Status.ERROR));
        }
        return out;
    }

    /** The helper's request, {@code {"thread":…,"frame":…,"exprs":[…]}}, written without building a JSON mapper. */
    private static String request(String threadId, int frame, List<String> exprs) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("thread", Integer.parseInt(threadId));
            g.writeNumberField("frame", frame);
            g.writeArrayFieldStart("exprs");
            for (String e : exprs) g.writeString(e);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
