package dev.ddx.transcript;

import dev.ddx.backend.Executables;
import dev.ddx.backend.TargetSpec;
import dev.ddx.error.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the target of a recorded session for {@code ddx replay --live}: compiles the C source
 * the header names into the very path the recording ran (so paths in the answers match), starts
 * it again when the recording attached to a running process, or captures a new core when it
 * read one. Python scripts and saved text are used as they are in the project. Processes it
 * started are killed on {@link #close()}.
 */
public final class LiveScenario implements AutoCloseable {
    /** How long a restarted program runs before ddx attaches: time to create its threads and take its locks. */
    static final long SETTLE_MILLIS = 1500;

    private final Path projectDir;
    private final List<Process> started = new ArrayList<>();

    public LiveScenario(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** Why the targets of {@code h} cannot be rebuilt here, or empty when they can. */
    public Optional<String> unavailable(TranscriptHeader h) {
        if (h.targets().isEmpty()) {
            // a conversation about logs only: the files are read again, nothing is rebuilt
            if (h.options("--log").isEmpty()) return Optional.of("the transcript names no target");
            for (String log : h.options("--log")) {
                Optional<String> m = missing(log);
                if (m.isPresent()) return m;
            }
            return Optional.empty();
        }
        for (TargetSpec t : h.targets()) {
            Optional<String> why = unavailable(t, h.scenario());
            if (why.isPresent()) return why;
        }
        return Optional.empty();
    }

    private Optional<String> unavailable(TargetSpec t, Optional<String> scenario) {
        boolean native_ = t instanceof TargetSpec.Run || t instanceof TargetSpec.Pid || t instanceof TargetSpec.Core;
        if (native_) {
            if (!onPath("gdb")) return Optional.of("gdb is not installed");
            if (scenario.isEmpty()) {
                return t instanceof TargetSpec.Pid ? Optional.of("a live process cannot be started again without its source")
                        : missing(t instanceof TargetSpec.Run r ? r.command().get(0) : ((TargetSpec.Core) t).core().toString());
            }
            if (!onPath("gcc")) return Optional.of("gcc is not installed");
            return missing(scenario.get());
        }
        if (t instanceof TargetSpec.Python p) {
            if (!onPath("python3")) return Optional.of("python3 is not installed");
            return missing(p.script().toString());
        }
        if (t instanceof TargetSpec.Dump d) {
            for (String f : d.files()) {
                if (f.equals("-")) return Optional.of("the text came from standard input");
                Optional<String> m = missing(f);
                if (m.isPresent()) return m;
            }
            return Optional.empty();
        }
        if (t instanceof TargetSpec.Cdb) return Optional.of("cdb.exe runs only on Windows");
        return Optional.of("a " + t.getClass().getSimpleName() + " target cannot be rebuilt");
    }

    private Optional<String> missing(String file) {
        return Files.exists(resolve(file)) ? Optional.empty() : Optional.of(file + " does not exist here");
    }

    /** The targets of {@code h}, rebuilt and (for live processes) started again. */
    public List<TargetSpec> rebuild(TranscriptHeader h) {
        unavailable(h).ifPresent(why -> {
            throw new UsageException("cannot replay " + h.target() + " live: " + why,
                    "replay it from the recording (without --live)");
        });
        List<TargetSpec> out = new ArrayList<>();
        for (TargetSpec t : h.targets()) out.add(rebuild(t, h.scenario()));
        return out;
    }

    private TargetSpec rebuild(TargetSpec t, Optional<String> scenario) {
        if (scenario.isEmpty()) return t;
        if (t instanceof TargetSpec.Run r) {
            compile(scenario.get(), r.command().get(0));
            return t;
        }
        if (t instanceof TargetSpec.Pid p) {
            Path exe = resolve(compiledName(scenario.get()));
            compile(scenario.get(), exe.toString());
            return new TargetSpec.Pid(start(exe), p.observe());
        }
        if (t instanceof TargetSpec.Core c) {
            compile(scenario.get(), c.executable().toString());
            captureCore(c);
            return t;
        }
        return t;
    }

    private static String compiledName(String source) {
        String name = Path.of(source).getFileName().toString().replaceFirst("\\.c$", "");
        return "target/transcript-scenarios/" + name;
    }

    private void compile(String source, String exe) {
        Path out = resolve(exe);
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
        } catch (IOException ex) {
            throw new UsageException("cannot create " + out.getParent() + ": " + ex.getMessage());
        }
        run(List.of("gcc", "-g", "-O0", "-pthread", "-o", out.toString(), source), "compiling " + source);
    }

    private long start(Path exe) {
        try {
            Process p = new ProcessBuilder(exe.toString()).directory(projectDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            started.add(p);
            Thread.sleep(SETTLE_MILLIS);
            if (!p.isAlive()) throw new UsageException(exe + " ended before ddx could attach to it");
            return p.pid();
        } catch (IOException ex) {
            throw new UsageException("cannot start " + exe + ": " + ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while starting " + exe);
        }
    }

    private void captureCore(TargetSpec.Core c) {
        Path core = resolve(c.core().toString());
        try {
            Files.deleteIfExists(core);
        } catch (IOException ignored) {
            // gdb overwrites it anyway
        }
        run(List.of("gdb", "-batch", "-nx", "-ex", "set debuginfod enabled off", "-ex", "set startup-with-shell off",
                "-ex", "run", "-ex", "generate-core-file " + core, "--args", resolve(c.executable().toString()).toString()),
                "capturing a core of " + c.executable());
        if (!Files.exists(core)) throw new UsageException("gdb wrote no core for " + c.executable());
    }

    private void run(List<String> cmd, String what) {
        try {
            Process p = new ProcessBuilder(cmd).directory(projectDir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UsageException(what + " took longer than 180 s");
            }
            if (p.exitValue() != 0) {
                throw new UsageException(what + " failed: " + new String(out, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException ex) {
            throw new UsageException(what + " failed: " + ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new UsageException(what + " was interrupted");
        }
    }

    private Path resolve(String file) {
        Path p = Path.of(file);
        return p.isAbsolute() ? p : projectDir.resolve(p);
    }

    private static boolean onPath(String tool) {
        return Executables.onPath(tool).isPresent();
    }

    /** Kills the programs it started. */
    @Override
    public void close() {
        for (Process p : started) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.clear();
    }
}
