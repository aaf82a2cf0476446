package dev.ddx.backend.logs.summary;

import java.time.Instant;
import java.util.Map;

/** Events per level in one time bucket; the levels keep the order given (Map.copyOf's order changes from run to run). */
public record LevelBucket(Instant start, Map<String, Long> counts) {
    public LevelBucket {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }
}
