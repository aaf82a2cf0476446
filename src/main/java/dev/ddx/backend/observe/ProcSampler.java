package dev.ddx.backend.observe;

import dev.ddx.error.TargetUnreadableException;
import dev.ddx.model.CounterSeries;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Samples a live process from /proc for {@code --observe S}: per-thread CPU time
 * ({@code /proc/PID/task/TID/stat}), resident memory ({@code statm}), open descriptors
 * ({@code fd/}) and the thread count, every {@code interval} for the given span.
 *
 * <p>The clock and the sleeper are injected so tests can drive it; {@link #system()} uses the
 * real ones. A thread that appears midway gets a series starting at its first sample.
 */
public final class ProcSampler {
    /** Waits between samples. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final Path proc;
    private final LongSupplier millis;
    private final Sleeper sleeper;
    private final long pageSize;

    public ProcSampler(Path proc, LongSupplier millis, Sleeper sleeper, long pageSize) {
        this.proc = proc;
        this.millis = millis;
        this.sleeper = sleeper;
        this.pageSize = pageSize;
    }

    /** Samples /proc with the real clock. */
    public static ProcSampler system() {
        return new ProcSampler(Paths.get("/proc"), System::currentTimeMillis, d -> Thread.sleep(d.toMillis()), 4096);
    }

    /** Samples for {@code span}, about ten times a second (at least five samples). */
    public Observation observe(long pid, Duration span) {
        long step = Math.max(50, Math.min(250, span.toMillis() / 10));
        return observe(pid, span, Duration.ofMillis(step));
    }

    public Observation observe(long pid, Duration span, Duration interval) {
        Path dir = proc.resolve(Long.toString(pid));
        if (!Files.isDirectory(dir)) {
            throw new TargetUnreadableException("no process with pid " + pid + " is running", "check the pid with ps");
        }
        Map<Long, List<CounterSeries.Sample>> cpu = new TreeMap<>();
        Map<String, List<CounterSeries.Sample>> process = new LinkedHashMap<>();
        for (String n : new String[]{"rss", "fds", "threads"}) process.put(n, new ArrayList<>());
        long start = millis.getAsLong();
        Map<Long, Long> lastTicks = new TreeMap<>();
        while (true) {
            long at = millis.getAsLong() - start;
            if (!Files.isDirectory(dir)) break; // the process ended: keep what was seen
            Map<Long, Long> ticks = threadTicks(dir);
            ticks.forEach((tid, t) -> cpu.computeIfAbsent(tid, k -> new ArrayList<>())
                    .add(new CounterSeries.Sample(at, t * 1000.0 / TICKS_PER_SECOND)));
            lastTicks.putAll(ticks);
            rss(dir).ifPresent(r -> process.get("rss").add(new CounterSeries.Sample(at, r * pageSize)));
            process.get("fds").add(new CounterSeries.Sample(at, count(dir.resolve("fd"))));
            process.get("threads").add(new CounterSeries.Sample(at, ticks.size()));
            if (at >= span.toMillis()) break;
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return result(cpu, process, lastTicks);
    }

    private static Observation result(Map<Long, List<CounterSeries.Sample>> cpu,
                                      Map<String, List<CounterSeries.Sample>> process, Map<Long, Long> lastTicks) {
        List<CounterSeries> series = new ArrayList<>();
        cpu.forEach((tid, samples) -> series.add(new CounterSeries("cpu", Long.toString(tid), "ms", samples)));
        series.add(new CounterSeries("rss", "process", "bytes", process.get("rss")));
        series.add(new CounterSeries("fds", "process", "count", process.get("fds")));
        series.add(new CounterSeries("threads", "process", "count", process.get("threads")));
        Map<Long, Duration> cpuTimes = new TreeMap<>();
        lastTicks.forEach((tid, t) -> cpuTimes.put(tid, Duration.ofMillis(t * 1000 / TICKS_PER_SECOND)));
        return new Observation(series, cpuTimes);
    }

    private static Map<Long, Long> threadTicks(Path dir) {
        Map<Long, Long> out = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(dir.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    long tid = Long.parseLong(task.getFileName().toString());
                    ProcStatParser.cpuTicks(Files.readString(task.resolve("stat"))).ifPresent(t -> out.put(tid, t));
                } catch (IOException | NumberFormatException e) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return out;
    }

    private static OptionalLong rss(Path dir) {
        try {
            return ProcStatParser.residentPages(Files.readString(dir.resolve("statm")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static long count(Path fdDir) {
        long n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path ignored : fds) n++;
        } catch (IOException e) {
            return 0;
        }
        return n;
    }
}
