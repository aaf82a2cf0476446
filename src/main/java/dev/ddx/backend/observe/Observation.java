package dev.ddx.backend.observe;

import dev.ddx.model.CounterSeries;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetThread;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What sampling a live process showed: the series ({@code cpu} per thread in ms with the thread's
 * LWP as subject, {@code rss} in bytes, {@code fds} and {@code threads} as counts for subject
 * {@code process}) and each thread's CPU time at the last sample, by LWP.
 */
public record Observation(List<CounterSeries> series, Map<Long, Duration> cpuByLwp) {
    public Observation {
        series = List.copyOf(series);
        cpuByLwp = Map.copyOf(cpuByLwp);
    }

    /**
     * The snapshot with these series, and with CPU times on its threads. The {@code cpu} series'
     * subjects are renamed from LWPs to the snapshot's thread ids where the thread is known.
     */
    public Snapshot applyTo(Snapshot snap) {
        List<TargetThread> threads = new ArrayList<>();
        java.util.Map<String, String> idByLwp = new java.util.HashMap<>();
        for (TargetThread t : snap.threads()) {
            Optional<Duration> cpu = t.nativeId().isPresent()
                    ? Optional.ofNullable(cpuByLwp.get(t.nativeId().getAsLong())) : Optional.empty();
            t.nativeId().ifPresent(n -> idByLwp.put(Long.toString(n), t.id()));
            threads.add(cpu.isEmpty() ? t : new TargetThread(t.id(), t.nativeId(), t.name(), t.state(), cpu, t.daemon(),
                    t.frames(), t.depth()));
        }
        List<CounterSeries> renamed = new ArrayList<>(snap.counters());
        for (CounterSeries s : series) {
            renamed.add(s.name().equals("cpu")
                    ? new CounterSeries(s.name(), idByLwp.getOrDefault(s.subject(), s.subject()), s.unit(), s.samples())
                    : s);
        }
        return snap.withThreads(threads).withCounters(renamed);
    }
}
