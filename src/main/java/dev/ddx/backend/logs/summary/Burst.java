package dev.ddx.backend.logs.summary;

import java.time.Instant;

/**
 * A template whose rate jumped.
 *
 * @param templateId   the template
 * @param template     its text
 * @param start        start of the first bucket where the rate jumped
 * @param bucketMillis bucket width
 * @param peak         events in the busiest bucket of the burst
 * @param baseline     mean events per bucket before the burst
 */
public record Burst(String templateId, String template, Instant start, long bucketMillis, long peak, double baseline) {
}
