package dev.ddx.backend.gdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.cli.Ddx;
import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Summarising a 64-thread core vs. {@code gdb -batch -ex "thread apply all bt"} on the same core,
 * same run: prints the medians and the ratios (target: ≤ 1.5×). Run with
 * {@code mvn -B -o test -Dddx.excludedGroups=none -Dtest=GdbSnapshotBench}.
 */
@Tag("bench")
class GdbSnapshotBench {
    private static final int RUNS = 7;

    @Test
    void summarisingA64ThreadCoreVersusThreadApplyAllBt() {
        NativeScenarios.assumeToolchain();
        Path exe = NativeScenarios.binary("threads64");
        Path core = NativeScenarios.coreOfRunning("threads64", Duration.ofSeconds(1));
        List<String> gdbBt = List.of("gdb", "-batch", "-nx", "-ex", "set debuginfod enabled off",
                "-ex", "thread apply all bt", exe.toString(), core.toString());

        long[] bt = new long[RUNS];
        long[] snap = new long[RUNS];
        long[] summary = new long[RUNS];
        time(() -> NativeScenarios.run(gdbBt, Duration.ofMinutes(2)));
        time(() -> snapshot(core, exe));
        time(() -> summarize(core, exe));
        for (int i = 0; i < RUNS; i++) { // interleaved, so a load spike hits all three alike
            bt[i] = time(() -> NativeScenarios.run(gdbBt, Duration.ofMinutes(2)));
            snap[i] = time(() -> snapshot(core, exe));
            summary[i] = time(() -> summarize(core, exe));
        }
        long b = median(bt);
        long s = median(snap);
        long m = median(summary);
        System.out.printf("64-thread core, median of %d runs (JVM warm):%n", RUNS);
        System.out.printf("  gdb -batch -ex \"thread apply all bt\": %5d ms%n", b);
        System.out.printf("  gdb backend snapshot (open+snapshot+close): %5d ms  ratio %.2fx%n", s, (double) s / b);
        System.out.printf("  ddx summarize --core (in-process): %5d ms  ratio %.2fx%n", m, (double) m / b);
    }

    private static void snapshot(Path core, Path exe) {
        try (DebuggerBackend d = GdbBackend.open(new TargetSpec.Core(core, exe), BackendContext.headless())) {
            assertEquals(64, d.snapshot().threads().size());
        }
    }

    private static void summarize(Path core, Path exe) {
        StringWriter out = new StringWriter();
        int code = Ddx.execute(new String[]{"summarize", "--core", core.toString(), "--exe", exe.toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
    }

    private static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
