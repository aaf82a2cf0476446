package dev.ddx.backend.cdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.Executables;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.Transport;
import dev.ddx.backend.text.DumpKind;
import dev.ddx.backend.text.ParsedDump;
import dev.ddx.backend.text.TextDumpParser;
import dev.ddx.backend.text.TextLines;
import dev.ddx.backend.text.Timeline;
import dev.ddx.error.UsageException;
import dev.ddx.event.SessionEvent;
import dev.ddx.model.Snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * cdb.exe driven live (Windows) on a dump ({@code -z FILE}) or a process ({@code -p PID}). Every
 * command passes the command gate first; the snapshot is built by the same parsers as saved cdb
 * text, from {@code .lastevent}, {@code !analyze -v}, {@code ~*kb}, {@code lmv}, {@code !locks}
 * and {@code !runaway 7}. Closing quits cdb with {@code qd}, so a live process keeps running.
 */
public final class CdbBackend implements DebuggerBackend {
    static final List<String> SNAPSHOT = List.of(".lastevent", "!analyze -v", "~*kb", "lmv", "!locks", "!runaway 7");
    private final Transport transport;
    private final BackendContext ctx;
    private final String description;
    private Snapshot snapshot;

    public CdbBackend(Transport transport, BackendContext ctx, String description) {
        this.transport = transport;
        this.ctx = ctx;
        this.description = description;
    }

    public static DebuggerBackend open(TargetSpec.Cdb spec, BackendContext ctx) {
        if (spec.dump().isEmpty() && spec.pid().isEmpty()) {
            throw new UsageException("live cdb needs --cdb-dump FILE or --cdb-pid N", "name the dump or the process");
        }
        Path cdb = spec.cdbPath().or(() -> Executables.onPath("cdb.exe", "cdb")).orElseThrow(() -> new UsageException(
                "cdb.exe was not found on PATH",
                "live cdb runs on Windows with the Debugging Tools for Windows; give --cdb PATH, or save cdb's output and use --dump FILE"));
        List<String> cmd = new ArrayList<>(List.of(cdb.toString(), "-lines"));
        spec.dump().ifPresent(d -> cmd.addAll(List.of("-z", d.toString())));
        spec.pid().ifPresent(p -> cmd.addAll(List.of("-p", String.valueOf(p))));
        String what = spec.dump().map(d -> "dump " + d).orElse("process " + spec.pid().orElse(0L));
        return new CdbBackend(new CdbTransport(cmd), ctx, "cdb on " + what);
    }

    @Override
    public String debugger() {
        return "cdb";
    }

    @Override
    public String describe() {
        return description;
    }

    Transport transport() {
        return transport;
    }

    @Override
    public synchronized Snapshot snapshot() {
        if (snapshot != null) return snapshot;
        StringBuilder session = new StringBuilder();
        for (String c : SNAPSHOT) {
            session.append("0:000> ").append(c).append('\n').append(run(c)).append('\n');
        }
        TextLines text = TextLines.of(description, session.toString());
        ParsedDump dump = TextDumpParser.parseOne(text, DumpKind.CDB);
        snapshot = Timeline.of(List.of(dump)).combined();
        return snapshot;
    }

    @Override
    public String execute(String command) {
        ctx.gate().admit("cdb", command);
        return run(command);
    }

    private String run(String command) {
        long start = System.nanoTime();
        String out = transport.exchange(command, ctx.callTimeout());
        ctx.listener().on(new SessionEvent.DebuggerExchange(ctx.clock().instant(), "cdb", command, out,
                (System.nanoTime() - start) / 1_000_000));
        return out;
    }

    @Override
    public List<String> commandNames() {
        return List.of("k", "kb", "kp", "kn", "kv", "~", "~*kb", "lm", "lmv", "!analyze -v", "!locks", "!cs",
                "!runaway", "!handle", "!teb", ".exr", ".ecxr", ".lastevent");
    }

    @Override
    public void close() {
        transport.close();
    }
}
