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
                List<Point> half = new ArrayList<>(CAPACITY / 2);
                for (int i = 0; i < points.size(); i += 2) half.add(points.get(i));
                points.clear();
                points.addAll(half);
                stride *= 2;
            }
        }
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
