package dev.ddx.backend.logs.summary;

import java.time.Instant;

/**
 * Counts over time in at most {@link #CAPACITY} buckets. Buckets start one second wide from the
 * first time seen and double in width whenever the span outgrows them, so memory stays fixed
 * whatever the log's length. Times before the origin go to the first bucket.
 */
public final class TimeHistogram {
    public static final int CAPACITY = 256;

    private final long originMillis;
    private long widthMillis = 1000;
    private final long[] counts = new long[CAPACITY];
    /** The bucket counted last and the times it holds ({@code [lastStart, lastEnd)}; empty before the first). */
    private int last;
    private long lastStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;

    public TimeHistogram(Instant origin) {
        this.originMillis = origin.toEpochMilli();
    }

    public void add(Instant t, long n) {
        add(t.toEpochMilli(), n);
    }

    /** Counts n at a time given in epoch milliseconds. */
    public void add(long epochMillis, long n) {
        if (epochMillis >= lastStart && epochMillis < lastEnd) { // most times fall in the bucket of the time before
            counts[last] += n;
            return;
        }
        long offset = Math.max(0, epochMillis - originMillis);
        while (offset / widthMillis >= CAPACITY) widen();
        last = (int) (offset / widthMillis);
        counts[last] += n;
        lastStart = originMillis + last * widthMillis;
        lastEnd = lastStart + widthMillis;
    }

    /** Widens to at least the given width (a power-of-two multiple of one second). */
    public void widenTo(long width) {
        while (widthMillis < width) widen();
    }

    private void widen() {
        for (int i = 0; i < CAPACITY / 2; i++) counts[i] = counts[2 * i] + counts[2 * i + 1];
        for (int i = CAPACITY / 2; i < CAPACITY; i++) counts[i] = 0;
        widthMillis *= 2;
        lastStart = Long.MAX_VALUE;
        lastEnd = Long.MIN_VALUE;
    }

    public long widthMillis() {
        return widthMillis;
    }

    public Instant origin() {
        return Instant.ofEpochMilli(originMillis);
    }

    /** Buckets up to and including the last non-empty one. */
    public long[] counts() {
        int last = CAPACITY - 1;
        while (last > 0 && counts[last] == 0) last--;
        return java.util.Arrays.copyOf(counts, last + 1);
    }

    /**
     * Adds another histogram into this one, widening this one to match. With the same origin this is
     * exact; with another origin each of its buckets is counted at the time the bucket starts.
     */
    public void addAll(TimeHistogram other) {
        widenTo(other.widthMillis);
        for (int i = 0; i < CAPACITY; i++) {
            if (other.counts[i] != 0) add(other.originMillis + i * other.widthMillis, other.counts[i]);
        }
    }
}
