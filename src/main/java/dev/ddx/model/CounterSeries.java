package dev.ddx.model;

import java.util.List;
import java.util.Objects;

/**
 * A counter sampled over time: per-thread CPU, resident memory, open descriptors, thread count,
 * bytes held by an allocation site, or a number mined from log lines.
 *
 * @param name    what is measured: {@code cpu}, {@code rss}, {@code fds}, {@code threads},
 *                {@code alloc}, or a log series name
 * @param subject what it is measured for: a thread id, an allocation site, {@code process}
 * @param unit    ms, bytes, count, …
 * @param samples in time order
 */
public record CounterSeries(String name, String subject, String unit, List<Sample> samples) {
    public CounterSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(unit, "unit");
        samples = List.copyOf(samples);
    }

    /** One measurement: milliseconds since observation started, and the value. */
    public record Sample(long atMillis, double value) {}

    public double first() {
        return samples.isEmpty() ? 0 : samples.get(0).value();
    }

    public double last() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).value();
    }

    /** Milliseconds between the first and last sample. */
    public long spanMillis() {
        return samples.size() < 2 ? 0 : samples.get(samples.size() - 1).atMillis() - samples.get(0).atMillis();
    }
}
