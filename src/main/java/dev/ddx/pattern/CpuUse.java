package dev.ddx.pattern;

import dev.ddx.model.CounterSeries;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetThread;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How much CPU each thread used: from a {@code cpu} series (cumulative CPU milliseconds sampled
 * over time) when the target was observed, else from the single {@link TargetThread#cpuTime()}.
 *
 * @param thread   the thread id in the snapshot
 * @param usedMs   CPU milliseconds used over the window (or in total, from a single sample)
 * @param spanMs   the observation window, 0 when only one sample exists
 * @param observed true when it comes from a series
 */
public record CpuUse(String thread, double usedMs, long spanMs, boolean observed) {

    /** Fraction of one CPU used over the window; NaN when there is no window. */
    public double share() {
        return spanMs <= 0 ? Double.NaN : usedMs / spanMs;
    }

    /** Every thread's CPU use, in snapshot thread order. */
    public static List<CpuUse> of(Snapshot s) {
        List<CpuUse> out = new ArrayList<>();
        for (TargetThread t : s.threads()) {
            Optional<CounterSeries> series = series(s, t);
            if (series.isPresent() && series.get().samples().size() >= 2) {
                CounterSeries c = series.get();
                out.add(new CpuUse(t.id(), toMs(c, c.last() - c.first()), c.spanMillis(), true));
            } else {
                t.cpuTime().ifPresent(d -> out.add(new CpuUse(t.id(), d.toMillis(), 0, false)));
            }
        }
        return out;
    }

    /** The {@code cpu} series of a thread: its subject is the thread's id or its native id. */
    static Optional<CounterSeries> series(Snapshot s, TargetThread t) {
        String nid = t.nativeId().isPresent() ? Long.toString(t.nativeId().getAsLong()) : "\u0000";
        return s.counters().stream().filter(c -> c.name().equals("cpu"))
                .filter(c -> c.subject().equals(t.id()) || c.subject().equals(nid)).findFirst();
    }

    private static double toMs(CounterSeries c, double v) {
        return switch (c.unit()) {
            case "s" -> v * 1000;
            case "us" -> v / 1000;
            case "ns" -> v / 1_000_000;
            case "ticks" -> v * 10;
            default -> v;
        };
    }

    /** {@code 1.9 s of CPU in 2.0 s (95% of one CPU)} or {@code 12.0 s of CPU in total}. */
    public String describe() {
        if (!observed) return String.format("%.1f s of CPU in total", usedMs / 1000);
        return String.format("%.1f s of CPU in %.1f s observed (%.0f%% of one CPU)", usedMs / 1000, spanMs / 1000.0,
                share() * 100);
    }

}
