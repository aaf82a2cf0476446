package dev.ddx.backend.pdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.Transport;
import dev.ddx.error.DebuggerException;
import dev.ddx.event.SessionEvent;
import dev.ddx.model.Snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a Python script under the pdb driver (tools/pdb) and turns what the driver reports into a
 * {@link Snapshot}: the uncaught exception and its chain (post-mortem), or every thread and the
 * lock graph when the program neither finished nor failed within {@code --hang-after}, plus the
 * counters of {@code --observe}. Every request and reply is reported as a
 * {@link SessionEvent.DebuggerExchange}; raw pdb commands pass the command gate first.
 */
public final class PdbBackend implements DebuggerBackend {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMMANDS = List.of("p", "pp", "w", "where", "bt", "l", "list", "ll",
            "longlist", "u", "up", "d", "down", "a", "args", "whatis", "display", "help");

    private final Transport transport;
    private final BackendContext ctx;
    private final TargetSpec.Python spec;
    private final Map<String, String> pins;
    private Snapshot snapshot;
    private boolean closed;

    /**
     * A backend over a transport that is already connected to a driver (or answers from a
     * recording). Call {@link #start()} to run the program and take the snapshot.
     */
    public PdbBackend(Transport transport, BackendContext ctx, TargetSpec.Python spec, Map<String, String> pins) {
        this.transport = transport;
        this.ctx = ctx;
        this.spec = spec;
        this.pins = Map.copyOf(pins);
    }

    /** Starts python3 with the driver on the script, runs it, and takes the first snapshot. */
    public static DebuggerBackend open(TargetSpec.Python spec, BackendContext ctx) {
        return open(spec, ctx, PdbStdio.fromSystemProperty());
    }

    /** As {@link #open(TargetSpec.Python, BackendContext)}, with the program's stdio chosen. */
    public static PdbBackend open(TargetSpec.Python spec, BackendContext ctx, PdbStdio stdio) {
        Map<String, String> pins = readPins(spec);
        List<String> cmd = new ArrayList<>(List.of(PdbDriver.python(), PdbDriver.entry().toString()));
        if (!spec.observe().isZero()) cmd.addAll(List.of("--observe", seconds(spec.observe())));
        cmd.add(spec.script().toAbsolutePath().toString());
        cmd.add("--");
        cmd.addAll(spec.arguments());
        PdbTransport transport = PdbTransport.start(cmd, stdio, Duration.ofSeconds(30).plus(ctx.callTimeout()));
        PdbBackend backend = new PdbBackend(transport, ctx, spec, pins);
        try {
            backend.start();
            return backend;
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    private static Map<String, String> readPins(TargetSpec.Python spec) {
        if (spec.requirements().isEmpty()) return Map.of();
        try {
            return RequirementsParser.pins(Files.readString(spec.requirements().get()));
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Runs the program until it ends, fails, or hangs (or for the observation time), then snapshots it. */
    public Snapshot start() {
        ObjectNode run = JSON.createObjectNode().put("cmd", "run");
        Duration wait = spec.observe().isZero() ? spec.hangAfter() : spec.observe();
        run.put("wait", Double.parseDouble(seconds(spec.hangAfter())));
        run.put("observe", Double.parseDouble(seconds(spec.observe())));
        JsonNode status;
        try {
            status = request(run, wait.plus(ctx.callTimeout()));
        } catch (PdbTransport.PdbEndedException e) {
            snapshot = PdbSnapshots.ended(spec, e.programExit(), pins);
            return snapshot;
        }
        ObjectNode snap = JSON.createObjectNode().put("cmd", "snapshot");
        pins.keySet().forEach(snap.putArray("pins")::add);
        try {
            JsonNode result = request(snap, ctx.callTimeout());
            snapshot = PdbSnapshots.of(spec, status, result, pins, !spec.observe().isZero());
        } catch (PdbTransport.PdbEndedException e) {
            snapshot = PdbSnapshots.ended(spec, e.programExit(), pins);
        }
        return snapshot;
    }

    private JsonNode request(ObjectNode req, Duration timeout) {
        String command = req.toString();
        long t0 = System.nanoTime();
        String reply;
        try {
            reply = transport.exchange(command, timeout);
        } catch (DebuggerException e) {
            emit(command, "error: " + e.getMessage(), t0);
            throw e;
        }
        emit(command, reply, t0);
        return PdbReplyParser.result(reply);
    }

    private void emit(String command, String output, long t0) {
        ctx.listener().on(new SessionEvent.DebuggerExchange(ctx.clock().instant(), debugger(), command, output,
                (System.nanoTime() - t0) / 1_000_000));
    }

    static String seconds(Duration d) {
        return String.valueOf(d.toMillis() / 1000.0);
    }

    /** The channel to the driver (or the recording that stands in for it). */
    public Transport transport() {
        return transport;
    }

    @Override
    public String debugger() {
        return "pdb";
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("python ").append(spec.script());
        spec.arguments().forEach(a -> b.append(' ').append(a));
        return b.append(" (pdb driver)").toString();
    }

    @Override
    public synchronized Snapshot snapshot() {
        if (snapshot == null) start();
        return snapshot;
    }

    @Override
    public String execute(String command) {
        ctx.gate().admit(debugger(), command);
        if (closed || !transport.alive()) {
            throw new DebuggerException("the Python program has ended; pdb commands need it alive",
                    "the summary already holds what was captured");
        }
        ObjectNode req = JSON.createObjectNode().put("cmd", "pdb").put("line", command);
        return request(req, ctx.callTimeout()).path("output").asText("");
    }

    /** The loaded modules and, for the given distributions, their installed versions (raw driver reply). */
    public JsonNode modules(List<String> distributions) {
        ObjectNode req = JSON.createObjectNode().put("cmd", "modules");
        distributions.forEach(req.putArray("pins")::add);
        return request(req, ctx.callTimeout());
    }

    /** Every thread and the lock graph as they are now (raw driver reply). */
    public JsonNode threads() {
        return request(JSON.createObjectNode().put("cmd", "threads"), ctx.callTimeout());
    }

    /** The uncaught exception's chain, if the program failed (raw driver reply). */
    public JsonNode exceptionChain() {
        return request(JSON.createObjectNode().put("cmd", "exception"), ctx.callTimeout());
    }

    @Override
    public List<String> commandNames() {
        return COMMANDS;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            if (transport.alive()) transport.exchange("{\"cmd\":\"quit\"}", Duration.ofSeconds(2));
        } catch (RuntimeException ignored) {
            // ending anyway
        }
        transport.close();
    }
}
