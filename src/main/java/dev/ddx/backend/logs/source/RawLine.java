package dev.ddx.backend.logs.source;

import java.time.Instant;
import java.util.Optional;

/**
 * One line as a source delivered it, before any header was read.
 *
 * @param number 1-based line number within the source
 * @param text   the line's text (never null)
 * @param time   the time the store recorded for it (Loki, Elasticsearch), when the source knows one
 * @param level  the level the store recorded for it, or empty
 * @param thread the thread the store recorded, or empty
 * @param component the logger / component / stream the store recorded, or empty
 */
public record RawLine(long number, String text, Optional<Instant> time, String level, String thread, String component) {
    public static RawLine of(long number, String text) {
        return new RawLine(number, text, Optional.empty(), "", "", "");
    }
}
