package dev.ddx.backend.gdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddx.error.DebuggerException;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.Probe;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which pointer is bad: for a SIGSEGV or SIGBUS, evaluates every dereference prefix of the crashing
 * line in the crashing frame; when the crash is inside a library, of the first line of the
 * program's own code below it (its call arguments included).
 */
final class GdbProbes {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        ObjectNode req = JSON.createObjectNode();
        req.put("thread", Integer.parseInt(threadId));
        req.put("frame", frame);
        exprs.forEach(req.putArray("exprs")::add);
        List<Probe> out = new ArrayList<>();
        try {
            JsonNode doc = s.helper("ddx-probe " + req, s.ctx().callTimeout());
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
}
