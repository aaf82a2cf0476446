package dev.ddx.backend.logs.summary;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A long series keeps evenly spaced points within the capacity, with exact count, min, max, first and last. */
class SeriesSamplerTest {
    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @Test
    void keepsEveryStrideThValueWithinTheCapacity() {
        for (int n : new int[] {1, 511, 512, 513, 1023, 1024, 5000, 100_003}) {
            SeriesSampler s = new SeriesSampler();
            for (int i = 0; i < n; i++) s.add(T0.plusMillis(i), i % 97, i, "a.log");
            List<SeriesSampler.Point> points = s.points();
            assertTrue(points.size() <= SeriesSampler.CAPACITY, n + ": " + points.size() + " points");
            long stride = points.size() > 1 ? points.get(1).line() : 1;
            for (int k = 0; k < points.size(); k++) {
                boolean lastAdded = k == points.size() - 1 && points.get(k).line() == n - 1;
                if (!lastAdded) assertEquals(k * stride, points.get(k).line(), n + ": point " + k);
            }
            assertEquals(n - 1, points.get(points.size() - 1).line(), n + ": the last value is always shown");
            assertEquals(n, s.count());
            assertEquals(0, s.min());
            assertEquals(Math.min(96, n - 1), s.max());
            assertEquals(0, s.first().line());
        }
    }

    @Test
    void partsAddedInOrderGiveWhatOneSamplerGives() {
        int n = 70_001;
        SeriesSampler whole = new SeriesSampler();
        for (int i = 0; i < n; i++) whole.add(T0.plusMillis(i), i, i, "a.log");
        for (int parts : new int[] {2, 3, 7}) {
            SeriesSampler merged = new SeriesSampler();
            int per = n / parts;
            for (int p = 0; p < parts; p++) {
                int from = p * per;
                int to = p == parts - 1 ? n : from + per;
                SeriesSampler part = new SeriesSampler();
                for (int i = from; i < to; i++) part.add(T0.plusMillis(i), i, i - from, "a.log");
                merged.addAll(part, from);
            }
            assertEquals(whole.count(), merged.count());
            assertEquals(whole.last(), merged.last());
            assertEquals(whole.first(), merged.first());
            // the kept points cover the whole series within the capacity, each part's evenly spaced
            List<SeriesSampler.Point> points = merged.points();
            assertTrue(points.size() <= SeriesSampler.CAPACITY, parts + " parts: " + points.size());
            long stride = (long) Math.ceil((double) n / points.size());
            for (int k = 1; k < points.size(); k++) {
                long gap = points.get(k).line() - points.get(k - 1).line();
                assertTrue(gap > 0 && gap <= 2 * stride, parts + " parts: gap " + gap + " before " + points.get(k));
            }
            // values that come after the merge are kept as one sampler keeps them: at multiples of its stride
            long common = points.get(2).line() - points.get(1).line();
            for (int i = n; i < n + 3 * (int) common; i++) merged.add(T0.plusMillis(i), i, i, "a.log");
            List<SeriesSampler.Point> after = merged.points();
            for (SeriesSampler.Point p : after) {
                if (p.line() >= n && p.line() < n + 3 * common - 1) assertEquals(0, p.line() % common, parts + " parts: " + p);
            }
        }
    }
}
