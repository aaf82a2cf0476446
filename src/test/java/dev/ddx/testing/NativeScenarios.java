package dev.ddx.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The native scenario programs of {@code src/test/resources/scenarios/native}, compiled, crashed
 * and run for real tests.
 *
 * <p>Each scenario is compiled once per JVM with {@code gcc -g -O0 -pthread} into
 * {@code target/scenarios}; cores are captured once per JVM and shared. Cores are written by gdb
 * itself ({@code run} then {@code generate-core-file}), so they work whatever the machine's core
 * pattern is. Every method skips the calling test (JUnit assumption) when gcc or gdb is absent.
 *
 * <p>Scenarios: {@code null_deref}, {@code null_libc}, {@code assert_fail}, {@code double_free},
 * {@code stack_overflow}, {@code sigfpe} (crash and stop by themselves); {@code deadlock},
 * {@code wait_chain}, {@code spinner}, {@code fd_leak}, {@code mem_leak}, {@code livelock},
 * {@code threads64} (run until killed).
 */
public final class NativeScenarios {
    private static final Map<String, Path> BINARIES = new ConcurrentHashMap<>();
    private static final Map<String, Path> CORES = new ConcurrentHashMap<>();
    private static volatile Boolean toolchain;

    private NativeScenarios() {
    }

    /** Skips the calling test unless gcc and gdb are on the PATH. */
    public static void assumeToolchain() {
        if (toolchain == null) toolchain = Programs.onPath("gcc") && Programs.onPath("gdb");
        Assumptions.assumeTrue(toolchain, "gcc and gdb are needed for the native scenarios; install them to run this test");
    }

    /** Skips the calling test unless gdb is on the PATH. */
    public static void assumeGdb() {
        Assumptions.assumeTrue(Programs.onPath("gdb"), "gdb is not installed; install gdb to run this test");
    }

    /** The directory compiled scenarios and cores go to ({@code target/scenarios}). */
    public static Path workDir() {
        String project = System.getProperty("ddx.project.dir", System.getProperty("user.dir"));
        Path dir = Paths.get(project, "target", "scenarios");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The C source of a scenario, copied out of the test resources. */
    public static Path source(String name) {
        String resource = "/scenarios/native/" + name + ".c";
        try (InputStream in = NativeScenarios.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no scenario " + resource);
            Path dir = Files.createDirectories(workDir().resolve("src"));
            Path out = dir.resolve(name + ".c");
            byte[] text = in.readAllBytes();
            if (!Files.exists(out) || !java.util.Arrays.equals(Files.readAllBytes(out), text)) Files.write(out, text);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario compiled with debug information (once per JVM). */
    public static Path binary(String name) {
        assumeToolchain();
        return BINARIES.computeIfAbsent(name, NativeScenarios::compile);
    }

    /**
     * A core of a scenario that crashes by itself: run under gdb to the fatal signal, then
     * {@code generate-core-file}. Captured once per JVM.
     */
    public static Path core(String name, String... args) {
        String key = name + String.join(" ", args);
        return CORES.computeIfAbsent(key, k -> captureCrash(name, List.of(args)));
    }

    /**
     * A core of a scenario that hangs or keeps running: started, left alone for {@code after},
     * then cored by gdb attaching to it, then killed. Captured once per JVM.
     */
    public static Path coreOfRunning(String name, Duration after) {
        return CORES.computeIfAbsent(name + "@running", k -> captureRunning(name, after));
    }

    /** Starts a scenario as a live process; close the returned handle to kill it. */
    public static LiveProcess start(String name, String... args) {
        Path exe = binary(name);
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return new LiveProcess(name, exe, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario process started for a test. */
    public record LiveProcess(String name, Path executable, Process process) implements AutoCloseable {
        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Waits until the program had time to reach its steady state (threads created, locks taken). */
        public LiveProcess settle(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return this;
        }

        @Override
        public void close() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Path compile(String name) {
        Path src = source(name);
        Path exe = workDir().resolve(name);
        run(List.of("gcc", "-g", "-O0", "-pthread", "-o", exe.toString(), src.toString()), Duration.ofSeconds(120));
        return exe;
    }

    private static Path captureCrash(String name, List<String> args) {
        Path exe = binary(name);
        Path core = workDir().resolve(name + ".core");
        List<String> cmd = new ArrayList<>(List.of("gdb", "-batch", "-nx", "-ex", "set debuginfod enabled off",
                "-ex", "set startup-with-shell off", "-ex", "run", "-ex", "generate-core-file " + core, "--args",
                exe.toString()));
        cmd.addAll(args);
        deleteQuietly(core);
        String out = run(cmd, Duration.ofSeconds(120));
        if (!Files.exists(core)) throw new IllegalStateException("gdb wrote no core for " + name + ":\n" + out);
        return core;
    }

    private static Path captureRunning(String name, Duration after) {
        Path core = workDir().resolve(name + ".running.core");
        deleteQuietly(core);
        try (LiveProcess p = start(name)) {
            p.settle(after);
            String out = run(List.of("gdb", "-batch", "-nx", "-ex", "set debuginfod enabled off", "-p",
                    Long.toString(p.pid()), "-ex", "generate-core-file " + core), Duration.ofSeconds(120));
            if (!Files.exists(core)) throw new IllegalStateException("gdb wrote no core for " + name + ":\n" + out);
        }
        return core;
    }

    /** Runs a command to completion and returns its combined output; fails on a non-zero exit. */
    public static String run(List<String> cmd, Duration timeout) {
        try {
            Path log = Files.createTempFile(workDir(), "cmd", ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", cmd));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stale core is overwritten by gdb anyway
        }
    }
}
