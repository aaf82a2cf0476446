package dev.ddx.backend.text;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.text.cdb.CdbExchange;
import dev.ddx.backend.text.cdb.CdbSessionParser;
import dev.ddx.error.DebuggerException;
import dev.ddx.error.TargetUnreadableException;
import dev.ddx.error.UsageException;
import dev.ddx.event.SessionEvent;
import dev.ddx.model.Snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Saved debugger or runtime text as a backend: cdb/WinDbg sessions, gdb backtraces, JVM thread
 * dumps, Java and Python tracebacks, faulthandler and py-spy dumps, read once at open. Several
 * files (or several dumps in one file) are parts of one session or samples of one process in a
 * row (see {@link Timeline}). {@link #execute} answers a command only from the replies the saved
 * session holds; it never runs anything.
 */
public final class TextDumpBackend implements DebuggerBackend {
    private final Timeline timeline;
    private final Snapshot snapshot;
    private final List<CdbExchange> replies;
    private final String description;
    private final BackendContext ctx;

    private TextDumpBackend(Timeline timeline, List<CdbExchange> replies, String description, BackendContext ctx) {
        this.timeline = timeline;
        this.snapshot = timeline.combined();
        this.replies = List.copyOf(replies);
        this.description = description;
        this.ctx = ctx;
    }

    public static DebuggerBackend open(TargetSpec.Dump spec, BackendContext ctx) {
        return open(spec, ctx, System.in);
    }

    /** Opens the files of {@code spec}; "-" reads {@code stdin} (once). */
    public static TextDumpBackend open(TargetSpec.Dump spec, BackendContext ctx, InputStream stdin) {
        return open(spec, ctx, (Function<String, String>) f -> TextDecoder.decode(read(f, stdin), f));
    }

    /**
     * Opens the files of {@code spec} with their decoded text supplied by {@code texts} (replay
     * hands in the text a transcript recorded). Every text read is reported to the context's
     * listener as a {@link SessionEvent.DebuggerExchange} ({@code "text"}, {@code "read FILE"}),
     * so a transcript carries what the session read.
     */
    public static TextDumpBackend open(TargetSpec.Dump spec, BackendContext ctx, Function<String, String> texts) {
        Objects.requireNonNull(ctx, "ctx");
        if (spec.files().isEmpty()) throw new UsageException("--dump needs a file", "write --dump FILE, or --dump - for stdin");
        if (spec.files().stream().filter("-"::equals).count() > 1) {
            throw new UsageException("stdin can be read only once", "give --dump - once");
        }
        List<ParsedDump> parsed = new ArrayList<>();
        List<CdbExchange> replies = new ArrayList<>();
        for (String f : spec.files()) {
            String decoded = texts.apply(f);
            ctx.listener().on(new SessionEvent.DebuggerExchange(ctx.clock().instant(), "text", "read " + f, decoded, 0));
            TextLines text = TextLines.of(f, decoded);
            if (text.lines().stream().allMatch(String::isBlank)) {
                throw new TargetUnreadableException("dump " + f + " is empty", "give the saved debugger or thread-dump text");
            }
            parsed.addAll(TextDumpParser.parse(text));
            if (DumpKindParser.detect(text) == DumpKind.CDB) replies.addAll(CdbSessionParser.exchanges(text));
        }
        Timeline timeline = Timeline.of(parsed);
        return new TextDumpBackend(timeline, replies, String.join(", ", spec.files()), ctx);
    }

    private static byte[] read(String file, InputStream stdin) {
        try {
            if (file.equals("-")) return stdin.readAllBytes();
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new TargetUnreadableException("cannot read dump " + file + ": " + e.getMessage(),
                    "check the path and its permissions");
        }
    }

    /** The dumps as read, in order (several for thread dumps taken in a row). */
    public Timeline timeline() {
        return timeline;
    }

    @Override
    public String debugger() {
        return replies.isEmpty() ? "text" : "cdb";
    }

    @Override
    public String describe() {
        return snapshot.input().kind() + " from " + description;
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public String execute(String command) {
        if (!replies.isEmpty()) ctx.gate().admit("cdb", command);
        String wanted = CdbExchange.normal(command);
        for (CdbExchange e : replies) {
            if (e.normalCommand().equals(wanted)) return e.response();
        }
        throw new DebuggerException("the saved text holds no reply to '" + command.strip() + "'",
                replies.isEmpty() ? "saved text cannot run commands; ask about the threads, locks and exception it shows"
                        : "saved text cannot run new commands; it holds replies to: " + String.join(", ", commandNames()));
    }

    @Override
    public List<String> commandNames() {
        return replies.stream().map(CdbExchange::command).distinct().toList();
    }

    @Override
    public void close() {
        // nothing to release: the text was read at open
    }
}
