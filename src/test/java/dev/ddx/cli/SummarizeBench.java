package dev.ddx.cli;

import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Figures for the performance targets, printed, never asserted on time:
 * {@code ddx --help} start-up (target ≤ 0.5 s) and {@code ddx summarize --core} on the 64-thread
 * scenario's core against {@code gdb -batch -ex "thread apply all bt"} on the same core, in the
 * same run (target ratio ≤ 1.5×). Run with
 * {@code mvn -B -o test -Dddx.excludedGroups=none -Dtest=SummarizeBench}.
 */
@Tag("bench")
class SummarizeBench {
    static final int RUNS = 5;
    static final Path PROJECT = Path.of(System.getProperty("ddx.project.dir", System.getProperty("user.dir")));
    static final Path JAR = PROJECT.resolve("target").resolve("ddx.jar");
    /** The launcher; its class-data archive goes under target/ so the bench leaves the user's cache alone. */
    static final Path LAUNCHER = PROJECT.resolve("bin").resolve("ddx");

    @Test
    void startUpOfHelp() {
        if (Files.exists(JAR)) {
            long ms = median(() -> spawn(List.of(java(), "-jar", JAR.toString(), "--help")));
            System.out.printf("bench: java -jar target/ddx.jar --help: median %d ms of %d runs (target <= 500 ms)%n", ms, RUNS);
            spawn(List.of(LAUNCHER.toString(), "--help"));
            long launched = median(() -> spawn(List.of(LAUNCHER.toString(), "--help")));
            System.out.printf("bench: bin/ddx --help (launcher, archive made): median %d ms of %d runs (target <= 500 ms)%n", launched, RUNS);
        } else {
            long ms = median(() -> timed(() -> Ddx.execute(new String[] {"--help"}, sink(), sink())));
            System.out.printf("bench: ddx --help in-process (no target/ddx.jar; JVM start not counted): median %d ms%n", ms);
        }
    }

    @Test
    void summarizeOfA64ThreadCoreAgainstGdbBacktrace() {
        NativeScenarios.assumeToolchain();
        Path exe = NativeScenarios.binary("threads64");
        Path core = NativeScenarios.coreOfRunning("threads64", Duration.ofSeconds(2));
        String[] args = {"summarize", "--no-transcript", "--core", core.toString(), "--exe", exe.toString()};
        assertEquals(0, Ddx.execute(args, sink(), sink()), "warm-up summarize must succeed");
        long gdb = median(() -> spawn(List.of("gdb", "-batch", "-nx", "-ex", "set debuginfod enabled off",
                "-ex", "thread apply all bt", exe.toString(), core.toString())));
        long inProcess = median(() -> timed(() -> Ddx.execute(args, sink(), sink())));
        System.out.printf("bench: gdb -batch -ex 'thread apply all bt' on the 64-thread core: median %d ms%n", gdb);
        System.out.printf("bench: ddx summarize --core, in-process (warm JVM): median %d ms, ratio %.2f (target <= 1.5)%n",
                inProcess, (double) inProcess / gdb);
        if (Files.exists(JAR)) {
            List<String> cmd = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
            cmd.addAll(List.of(args));
            long jar = median(() -> spawn(cmd));
            System.out.printf("bench: java -jar target/ddx.jar summarize --core (JVM start included): median %d ms, ratio %.2f%n",
                    jar, (double) jar / gdb);
            List<String> launcher = new ArrayList<>(List.of(LAUNCHER.toString()));
            launcher.addAll(List.of(args));
            spawn(launcher);
            long launched = median(() -> spawn(launcher));
            System.out.printf("bench: bin/ddx summarize --core (launcher, archive made): median %d ms, ratio %.2f%n",
                    launched, (double) launched / gdb);
        }
    }

    private static long median(Supplier<Long> run) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) times.add(run.get());
        times.sort(Long::compare);
        return times.get(RUNS / 2);
    }

    private static long timed(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long spawn(List<String> cmd) {
        return timed(() -> {
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd);
                pb.environment().put("XDG_CACHE_HOME", PROJECT.resolve("target").resolve("cache").toString());
                Process p = pb.redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                if (!p.waitFor(300, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static PrintWriter sink() {
        return new PrintWriter(new StringWriter());
    }
}
