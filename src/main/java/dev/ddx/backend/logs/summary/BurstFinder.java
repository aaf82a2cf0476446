package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.mine.Shape;
import dev.ddx.backend.logs.mine.Template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds templates whose rate jumped: the first bucket holding at least ten events and at least
 * five times the template's mean per bucket before it, after a quiet start. A template first seen
 * four buckets or more into the log had none before: its first busy bucket is where it started
 * (502s that begin at 10:33).
 */
final class BurstFinder {
    static final int MIN_EVENTS = 20;

    private BurstFinder() {
    }

    static List<Burst> find(Map<Template, List<Map.Entry<Shape, ShapeStats>>> byTemplate) {
        List<Burst> out = new ArrayList<>();
        byTemplate.forEach((t, shapes) -> {
            TimeHistogram h = null;
            long total = 0;
            for (Map.Entry<Shape, ShapeStats> e : shapes) {
                total += e.getValue().count;
                TimeHistogram r = e.getValue().rate;
                if (r == null) continue;
                if (h == null) {
                    h = new TimeHistogram(r.origin());
                }
                h.addAll(r);
            }
            if (h == null || total < MIN_EVENTS) return;
            Burst b = burst(t, h);
            if (b != null) out.add(b);
        });
        out.sort(Comparator.comparing(Burst::start).thenComparing(Burst::templateId));
        return out.size() > 20 ? List.copyOf(out.subList(0, 20)) : out;
    }

    private static Burst burst(Template t, TimeHistogram h) {
        long[] c = h.counts();
        int firstNonZero = 0;
        while (firstNonZero < c.length && c[firstNonZero] == 0) firstNonZero++;
        int from = firstNonZero >= 4 ? 0 : firstNonZero; // the log's quiet buckets before a template appears count as its baseline
        long before = 0;
        for (int i = from + 1; i < c.length; i++) {
            before += c[i - 1];
            int span = i - from;
            double baseline = (double) before / Math.max(span, 4);
            if (c[i] >= 10 && c[i] >= 5 * Math.max(baseline, 1)) {
                long peak = c[i];
                for (int k = i; k < c.length && c[k] >= 5 * Math.max(baseline, 1); k++) peak = Math.max(peak, c[k]);
                if (firstNonZero >= 4 && i <= firstNonZero + 1) { // a new template, busy from its first (maybe partly filled) bucket on
                    i = firstNonZero;
                    baseline = 0;
                }
                return new Burst(t.id(), t.text(), h.origin().plusMillis(i * h.widthMillis()), h.widthMillis(), peak, baseline);
            }
        }
        return null;
    }
}
