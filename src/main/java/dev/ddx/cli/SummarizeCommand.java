package dev.ddx.cli;

import dev.ddx.analysis.Analysis;
import dev.ddx.analysis.Analyzer;
import dev.ddx.backend.BackendContext;
import dev.ddx.backend.Backends;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.gdb.GdbSnapshotParser;
import dev.ddx.catalog.Catalog;
import dev.ddx.error.UsageException;
import dev.ddx.event.EventBus;
import dev.ddx.event.SessionEvent;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.pattern.DetectorRegistry;
import dev.ddx.pattern.Finding;
import dev.ddx.policy.CommandGate;
import dev.ddx.report.IncidentReport;
import dev.ddx.report.JsonRenderer;
import dev.ddx.report.MarkdownRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * {@code ddx summarize}: open the target, take one snapshot, run the detectors and print the
 * incident summary (Markdown or JSON). Session events go to the transcript.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Summarise an incident: what happened, the patterns that hold and their evidence.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  analysed (also when the program exited normally)", "  1  internal error, or the debugger failed",
                "  2  usage: bad options, a missing file", "  3  the target cannot be read: not a core, a truncated core,",
                "     a core of another program, a pid that cannot be attached"})
public final class SummarizeCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { md, json }

    @Mixin
    TargetOptions target;

    @Mixin
    TranscriptOptions transcript;

    @Option(names = "--format", paramLabel = "md|json", defaultValue = "md",
            description = "Output format: md (default) or json (schema in the README).")
    Format format;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "30",
            description = "Longest a single debugger call may take, in seconds (default ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--allow-unsafe",
            description = "Allow debugger commands that can change the target (refused by default).")
    boolean allowUnsafe;

    @Option(names = "--from-transcript", paramLabel = "FILE",
            description = "Summarise a recorded session (a ddx transcript) from its recorded debugger output.")
    Path fromTranscript;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (fromTranscript != null) {
            if (target.any()) throw new UsageException("--from-transcript takes the target from the transcript", "drop the target options");
            return TranscriptSummary.print(fromTranscript, format, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (!(timeout > 0) || timeout > 3600) throw new UsageException("--timeout must be between 0 and 3600 seconds, not " + timeout);
        TargetSpec ts = target.toSpec();
        prepareInBackground(ts);
        // the catalog is loaded while gdb works
        CompletableFuture<Optional<Catalog>> catalog = CompletableFuture.supplyAsync(SummarizeCommand::catalog);
        Clock clock = Clock.systemUTC();
        HeldEvents early = new HeldEvents();
        BackendContext ctx = new BackendContext(CommandGate.headless(allowUnsafe), early,
                Duration.ofMillis(Math.round(timeout * 1000)), clock);
        PrintWriter out = spec.commandLine().getOut();
        return run(clock, catalog, ts, early, () -> loadSnapshot(ts, ctx), format, out);
    }

    /**
     * On a cold JVM, loading and initialising the classes that read gdb's answer, analyse the
     * snapshot and render the report costs about as much as gdb's own work: do it on another
     * thread while the debugger works, instead of after. Changes nothing but when classes load.
     */
    private static void prepareInBackground(TargetSpec ts) {
        boolean gdb = ts instanceof TargetSpec.Core || ts instanceof TargetSpec.Pid || ts instanceof TargetSpec.Run;
        Thread t = new Thread(() -> {
            try {
                if (gdb) GdbSnapshotParser.document("<<ddx-json>>{\"a\":[1,\"x\",true,null,1.5,{}]}<<ddx-end>>");
                DetectorRegistry.snapshotDetectors();
                for (Class<?> c : List.of(Analyzer.class, IncidentReport.class, MarkdownRenderer.class, JsonRenderer.class)) {
                    Class.forName(c.getName(), true, c.getClassLoader());
                }
            } catch (Throwable e) {
                // only a head start: whatever fails here is loaded again, and reported, where it is used
            }
        }, "ddx-prepare");
        t.setDaemon(true);
        t.start();
    }

    private int run(Clock clock, CompletableFuture<Optional<Catalog>> catalog, TargetSpec ts, HeldEvents early,
                    Supplier<Snapshot> source, Format format, PrintWriter out) {
        CompletableFuture<Snapshot> snapshot = CompletableFuture.supplyAsync(source);
        EventBus bus = new EventBus(clock);
        SessionEvent.Started header = started(clock, "summarize", describe(ts), catalog.join());
        bus.add(transcript.open(header));
        bus.on(header);
        early.release(bus);
        return run(bus, catalog.join(), () -> join(snapshot), format, out);
    }

    private static Snapshot join(CompletableFuture<Snapshot> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** Where the snapshot comes from: a backend opened on the target, closed once the snapshot is taken. */
    Snapshot loadSnapshot(TargetSpec ts, BackendContext ctx) {
        try (DebuggerBackend backend = Backends.open(ts, ctx)) {
            return backend.snapshot();
        }
    }

    /** Emits the header, then summarises: for callers that take the snapshot in this thread. */
    static int run(EventBus bus, SessionEvent.Started header, Supplier<Snapshot> source, Format format, PrintWriter out) {
        bus.on(header);
        return run(bus, catalog(), source, format, out);
    }

    /** Takes the snapshot, analyses it, emits the session's events and prints the rendering. */
    static int run(EventBus bus, Optional<Catalog> catalog, Supplier<Snapshot> source, Format format, PrintWriter out) {
        Clock clock = bus.clock();
        try {
            Snapshot s = source.get();
            Analysis a = new Analyzer(DetectorRegistry.snapshotDetectors(), catalog).analyze(s);
            for (Finding f : a.findings()) bus.on(new SessionEvent.FindingRaised(clock.instant(), f));
            String text = render(a, format);
            bus.on(new SessionEvent.Answer(clock.instant(), text));
            bus.on(new SessionEvent.Ended(clock.instant(), "summarised"));
            out.print(text);
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            bus.on(new SessionEvent.Error(clock.instant(), e instanceof dev.ddx.error.DdxException ? "user" : "internal",
                    String.valueOf(e.getMessage())));
            bus.on(new SessionEvent.Ended(clock.instant(), "failed"));
            throw e;
        }
    }

    /** The rendering; a program that exited normally gets one line in Markdown. */
    static String render(Analysis a, Format format) {
        IncidentReport r = IncidentReport.of(a);
        if (format == Format.json) return new JsonRenderer().render(r);
        if (a.snapshot().process().state() == TargetProcess.ProcessState.EXITED) return r.headline() + "\n";
        return new MarkdownRenderer().render(r);
    }

    static SessionEvent.Started started(Clock clock, String mode, String target) {
        return started(clock, mode, target, catalog());
    }

    static SessionEvent.Started started(Clock clock, String mode, String target, Optional<Catalog> catalog) {
        return new SessionEvent.Started(clock.instant(), Ddx.Version.current(), mode, target, "none",
                catalog.map(Catalog::version).orElse("unavailable"));
    }

    /** The shipped catalog, or empty when it cannot be loaded (next commands then come from the findings alone). */
    static Optional<Catalog> catalog() {
        try {
            return Optional.of(Catalog.load());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String describe(TargetSpec ts) {
        if (ts instanceof TargetSpec.Core c) return "core " + c.core() + " of " + c.executable();
        if (ts instanceof TargetSpec.Pid p) return "pid " + p.pid() + (p.observe().isZero() ? "" : " observed " + p.observe().toMillis() / 1000.0 + " s");
        if (ts instanceof TargetSpec.Run r) return "run " + String.join(" ", r.command());
        if (ts instanceof TargetSpec.Python p) return "python " + p.script();
        if (ts instanceof TargetSpec.Dump d) return "dump " + String.join(" ", d.files());
        if (ts instanceof TargetSpec.Cdb c) return "cdb " + c.dump().map(Object::toString).orElse(c.pid().map(x -> "pid " + x).orElse(""));
        if (ts instanceof TargetSpec.Transcript t) return "transcript " + t.file();
        return ts.toString();
    }
}
