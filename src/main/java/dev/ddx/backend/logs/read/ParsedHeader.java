package dev.ddx.backend.logs.read;

import java.time.Instant;
import java.util.Optional;

/** What a line's header said, and the content after it. Strings are never null (empty when absent). */
public record ParsedHeader(Optional<Instant> time, String level, String thread, String component, String content) {
}
