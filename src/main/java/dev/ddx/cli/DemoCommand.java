package dev.ddx.cli;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.Executables;
import dev.ddx.backend.TargetSpec;
import dev.ddx.error.DebuggerException;
import dev.ddx.error.UsageException;
import dev.ddx.event.EventBus;
import dev.ddx.event.SessionEvent;
import dev.ddx.policy.CommandGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ddx demo}: extract the bundled deadlocking C program, compile it with gcc, run it under
 * gdb until it hangs and print the summary — no key, no network.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Build a bundled deadlocking C program, run it under gdb and summarise the hang.")
public final class DemoCommand implements Callable<Integer> {
    static final String SOURCE = "demo/deadlock.c";

    @Option(names = "--hang-after", paramLabel = "S", defaultValue = "3",
            description = "Declare the hang after S seconds (default ${DEFAULT-VALUE}).")
    double hangAfter;

    @Option(names = "--format", paramLabel = "md|json", defaultValue = "md", description = "Output format: md or json.")
    SummarizeCommand.Format format;

    @Option(names = "--keep", description = "Keep the extracted source and program (the directory is printed).")
    boolean keep;

    @Mixin
    TranscriptOptions transcript;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!(hangAfter > 0) || hangAfter > 600) throw new UsageException("--hang-after must be between 0 and 600 seconds");
        requireTool("gcc", "install gcc (e.g. apt-get install gcc) to build the demo program");
        requireTool("gdb", "install gdb 12 or later with Python support (e.g. apt-get install gdb)");
        PrintWriter out = spec.commandLine().getOut();
        // progress goes to stderr so that stdout is the summary alone (pure JSON with --format json)
        PrintWriter progress = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("ddx-demo-");
        try {
            Path exe = build(dir);
            progress.println("ddx demo: built " + exe + "; running it under gdb for " + hangAfter + " s ...");
            progress.flush();
            TargetSpec.Run run = new TargetSpec.Run(List.of(exe.toString()), Duration.ofMillis(Math.round(hangAfter * 1000)));
            Clock clock = Clock.systemUTC();
            EventBus bus = new EventBus(clock);
            SessionEvent.Started header = SummarizeCommand.started(clock, "demo", SummarizeCommand.describe(run));
            bus.add(transcript.open(header));
            BackendContext ctx = new BackendContext(CommandGate.headless(false), bus, Duration.ofSeconds(30), clock);
            return SummarizeCommand.run(bus, header, () -> new SummarizeCommand().loadSnapshot(run, ctx), format, out);
        } finally {
            if (keep) progress.println("ddx demo: kept " + dir);
            else deleteTree(dir);
        }
    }

    /** Extracts the bundled source into {@code dir} and compiles it with debug information. */
    static Path build(Path dir) throws IOException {
        Path src = dir.resolve("deadlock.c");
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) throw new DebuggerException("the demo program is missing from this build", "rebuild ddx");
            Files.write(src, in.readAllBytes());
        }
        Path exe = dir.resolve("deadlock");
        ProcessBuilder pb = new ProcessBuilder("gcc", "-g", "-O0", "-pthread", src.toString(), "-o", exe.toString())
                .redirectErrorStream(true);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new DebuggerException("gcc did not finish building the demo in 120 s", "check the machine's load");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DebuggerException("interrupted while building the demo", "");
        }
        if (p.exitValue() != 0) {
            String first = log.lines().findFirst().orElse("no output");
            throw new DebuggerException("gcc could not build the demo program: " + first, "check that gcc and the C library headers are installed");
        }
        return exe;
    }

    static void requireTool(String name, String hint) {
        if (Executables.onPath(name).isPresent()) return;
        throw new UsageException(name + " is not installed (not found on PATH); ddx demo needs it", hint);
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
