package dev.ddx.backend.logs.summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a bounded, evenly thinned record of a numeric series: every value until {@link #CAPACITY}
 * points, then every second one, then every fourth, and so on. Deterministic; min, max, count,
 * first and last are exact. A point object is only made for the values kept.
 */
public final class SeriesSampler {
    public static final int CAPACITY = 512;

    private final List<Point> points = new ArrayList<>();
    private long stride = 1;
    private long seen;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private Point first;
    /** The last value, kept as parts (most values are not kept as points). */
    private Instant lastAt;
    private double lastValue;
    private int lastLine;
    private String lastFile;
    /** Whether the last value is also the last kept point. */
    private boolean lastKept;

    /** One value at a time and line. */
    public record Point(Instant at, double value, int line, String file) {
    }

    public void add(Point p) {
        add(p.at(), p.value(), p.line(), p.file());
    }

    /** One value at a time and line of a file. */
    public void add(Instant at, double value, int line, String file) {
        lastAt = at;
        lastValue = value;
        lastLine = line;
        lastFile = file;
        if (value < min) min = value;
        if (value > max) max = value;
        lastKept = (seen++ & (stride - 1)) == 0; // the stride is a power of two
        if (first == null || lastKept) {
            Point p = new Point(at, value, line, file);
            if (first == null) first = p;
            if (lastKept) keep(p);
        }
    }

    private void keep(Point p) {
        points.add(p);
        if (points.size() >= CAPACITY) {
            thin(points, 2);
            stride *= 2;
            lastKept = lastKept && points.get(points.size() - 1) == p;
        }
    }

    /**
     * Adds the values another sampler kept of the points that follow this one's (a later chunk of
     * the same input), with their line numbers moved by {@code lineOffset}. Count, min, max, first
     * and last stay exact; the kept points are thinned again to the capacity.
     */
    public void addAll(SeriesSampler later, int lineOffset) {
        if (later.seen == 0) return;
        if (first == null) first = moved(later.first, lineOffset);
        lastAt = later.lastAt;
        lastValue = later.lastValue;
        lastLine = later.lastLine + lineOffset;
        lastFile = later.lastFile;
        min = Math.min(min, later.min);
        max = Math.max(max, later.max);
        seen += later.seen;
        // both parts to one stride first, so the points stay evenly spread over the whole series
        long common = Math.max(stride, later.stride);
        thin(points, common / stride);
        List<Point> more = new ArrayList<>(later.points);
        thin(more, common / later.stride);
        for (Point p : more) points.add(moved(p, lineOffset));
        stride = common;
        while (points.size() >= CAPACITY) {
            thin(points, 2);
            stride *= 2;
        }
        Point end = points.isEmpty() ? null : points.get(points.size() - 1);
        lastKept = end != null && end.line() == lastLine && end.at().equals(lastAt) && end.value() == lastValue;
    }

    /** Keeps every {@code step}-th point. */
    private static void thin(List<Point> list, long step) {
        if (step <= 1) return;
        List<Point> kept = new ArrayList<>();
        for (int i = 0; i < list.size(); i += (int) Math.min(step, Integer.MAX_VALUE)) kept.add(list.get(i));
        list.clear();
        list.addAll(kept);
    }

    private static Point moved(Point p, int lineOffset) {
        return lineOffset == 0 ? p : new Point(p.at(), p.value(), p.line() + lineOffset, p.file());
    }

    /** The kept points and the last value, in order. */
    public List<Point> points() {
        List<Point> out = new ArrayList<>(points);
        if (seen > 0 && !lastKept) out.add(last());
        return out;
    }

    public long count() {
        return seen;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public Point first() {
        return first;
    }

    public Point last() {
        return seen == 0 ? null : new Point(lastAt, lastValue, lastLine, lastFile);
    }
}
