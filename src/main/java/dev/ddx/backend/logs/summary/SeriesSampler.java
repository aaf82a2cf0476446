package dev.ddx.backend.logs.summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a bounded, evenly thinned record of a numeric series: every value until {@link #CAPACITY}
 * points, then every second one, then every fourth, and so on. Deterministic; min, max, count,
 * first and last are exact.
 */
public final class SeriesSampler {
    public static final int CAPACITY = 512;

    private final List<Point> points = new ArrayList<>();
    private long stride = 1;
    private long seen;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private Point first;
    private Point last;

    /** One value at a time and line. */
    public record Point(Instant at, double value, int line, String file) {
    }

    public void add(Point p) {
        if (first == null) first = p;
        last = p;
        min = Math.min(min, p.value());
        max = Math.max(max, p.value());
        if (seen++ % stride == 0) {
            points.add(p);
            if (points.size() >= CAPACITY) {
                thin(points, 2);
                stride *= 2;
            }
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
        last = moved(later.last, lineOffset);
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
    }

    /** Keeps every {@code step}-th point. */
    private static void thin(List<Point> list, long step) {
        if (step <= 1) return;
        List<Point> kept = new ArrayList<>(list.size() / (int) Math.min(step, list.size() + 1L) + 1);
        for (int i = 0; i < list.size(); i += (int) step) kept.add(list.get(i));
        list.clear();
        list.addAll(kept);
    }

    private static Point moved(Point p, int lineOffset) {
        return lineOffset == 0 ? p : new Point(p.at(), p.value(), p.line() + lineOffset, p.file());
    }

    public List<Point> points() {
        List<Point> out = new ArrayList<>(points);
        if (last != null && (out.isEmpty() || out.get(out.size() - 1) != last)) out.add(last);
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
        return last;
    }
}
