package dev.ddx.backend.logs.summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns per-level histograms into level buckets of one common width. */
final class LevelTimeline {
    private LevelTimeline() {
    }

    static List<LevelBucket> of(Map<String, TimeHistogram> byLevel, long width) {
        if (byLevel.isEmpty()) return List.of();
        int n = 0;
        Instant origin = null;
        for (TimeHistogram h : byLevel.values()) {
            h.widenTo(width);
            n = Math.max(n, h.counts().length);
            origin = h.origin();
        }
        List<LevelBucket> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Map.Entry<String, TimeHistogram> e : byLevel.entrySet()) {
                long[] c = e.getValue().counts();
                if (i < c.length && c[i] > 0) counts.put(e.getKey().isEmpty() ? "NONE" : e.getKey(), c[i]);
            }
            out.add(new LevelBucket(origin.plusMillis(i * width), counts));
        }
        return out;
    }
}
