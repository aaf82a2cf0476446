package dev.ddx.backend.logs.summary;

import java.time.Instant;
import java.util.Map;

/** Events per level in one time bucket. */
public record LevelBucket(Instant start, Map<String, Long> counts) {
    public LevelBucket {
        counts = Map.copyOf(counts);
    }
}
