package dev.ddx.backend.observe;

import dev.ddx.model.CounterSeries;
import dev.ddx.model.Snapshot;
import dev.ddx.model.InputInfo;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sampler over a /proc tree written by the test, driven by an injected clock and sleeper. */
class ProcSamplerTest {

    private static String stat(long tid, String comm, long utime, long stime) {
        return tid + " (" + comm + ") S 1 1 1 0 -1 4194304 100 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0 100 1000 50\n";
    }

    @Test
    void cpuTicksCountFieldsAfterTheLastParenthesis() {
        assertEquals(1234 + 5, ProcStatParser.cpuTicks(stat(7, "odd) name (x", 1234, 5)).getAsLong());
        assertEquals(300, ProcStatParser.residentPages("1000 300 20 1 0 50 0").getAsLong());
        assertTrue(ProcStatParser.cpuTicks("garbage").isEmpty());
    }

    @Test
    void seriesGrowAsTheProcessDoes(@TempDir Path proc) throws IOException {
        Path pid = proc.resolve("42");
        Files.createDirectories(pid.resolve("fd"));
        AtomicLong now = new AtomicLong(1_000);
        int[] step = {0};
        ProcSampler.Sleeper sleeper = d -> {
            now.addAndGet(d.toMillis());
            step[0]++;
            grow(pid, step[0]);
        };
        grow(pid, 0);
        Observation o = new ProcSampler(proc, now::get, sleeper, 4096).observe(42, Duration.ofMillis(400), Duration.ofMillis(100));
        CounterSeries fds = find(o, "fds", "process");
        assertEquals(5, fds.samples().size());
        assertEquals(List.of(0L, 100L, 200L, 300L, 400L), fds.samples().stream().map(CounterSeries.Sample::atMillis).toList());
        assertEquals(4.0, fds.last() - fds.first());
        assertEquals(4 * 10 * 4096.0, find(o, "rss", "process").last() - find(o, "rss", "process").first());
        CounterSeries hot = find(o, "cpu", "42");
        CounterSeries cold = find(o, "cpu", "43");
        assertEquals(400.0, hot.last() - hot.first(), "10 ticks per 100 ms = 100 ms of CPU per step");
        assertEquals(0.0, cold.last() - cold.first());
        assertEquals(Duration.ofMillis(400), o.cpuByLwp().get(42L));
        assertEquals(2.0, find(o, "threads", "process").last());
    }

    @Test
    void applyingAnObservationNamesThreadsByTheirDebuggerId(@TempDir Path proc) throws IOException {
        Path pid = proc.resolve("42");
        Files.createDirectories(pid.resolve("fd"));
        grow(pid, 3);
        Observation o = new ProcSampler(proc, () -> 0, d -> { }, 4096).observe(42, Duration.ZERO, Duration.ofMillis(100));
        TargetThread t = new TargetThread("1", OptionalLong.of(42), "", ThreadState.RUNNING, Optional.empty(), false, List.of());
        Snapshot s = new Snapshot(new TargetProcess(OptionalLong.of(42), "x", List.of(), TargetProcess.Runtime.NATIVE,
                TargetProcess.Capture.ATTACH, TargetProcess.ProcessState.RUNNING, OptionalLong.empty()), List.of(t), List.of(),
                Optional.empty(), List.of(), List.of(), List.of(), InputInfo.of("test", "x"));
        Snapshot applied = o.applyTo(s);
        assertEquals(Duration.ofMillis(300), applied.threads().get(0).cpuTime().orElseThrow());
        assertTrue(applied.counters().stream().anyMatch(c -> c.name().equals("cpu") && c.subject().equals("1")));
        assertTrue(applied.counters().stream().anyMatch(c -> c.name().equals("cpu") && c.subject().equals("43")),
                "a thread the snapshot lacks keeps its LWP");
    }

    private static CounterSeries find(Observation o, String name, String subject) {
        return o.series().stream().filter(c -> c.name().equals(name) && c.subject().equals(subject)).findFirst().orElseThrow();
    }

    /** Step n: thread 42 has used 10n ticks, 43 none; n+1 descriptors; 100+10n resident pages. */
    private static void grow(Path pid, int n) {
        try {
            for (long tid : new long[]{42, 43}) {
                Path task = Files.createDirectories(pid.resolve("task").resolve(Long.toString(tid)));
                Files.writeString(task.resolve("stat"), stat(tid, "app", tid == 42 ? 10L * n : 0, 0));
            }
            Files.writeString(pid.resolve("statm"), "5000 " + (100 + 10 * n) + " 20 1 0 50 0\n");
            Files.writeString(pid.resolve("fd").resolve(Integer.toString(n)), "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
