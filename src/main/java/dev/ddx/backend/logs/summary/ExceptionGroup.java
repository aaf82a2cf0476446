package dev.ddx.backend.logs.summary;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LineRange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Exceptions of one type thrown from one place, as found in the log.
 *
 * @param exception the first occurrence, with its cause chain and frames (innermost first)
 * @param chain     the types of the chain, outermost first
 * @param topFrames up to five frames of the innermost cause, innermost first
 * @param count     occurrences
 * @param first     where the first occurrence is
 * @param last      where the last occurrence is
 */
public record ExceptionGroup(ExceptionInfo exception, List<String> chain, List<String> topFrames, long count,
                             Optional<Instant> firstSeen, Optional<Instant> lastSeen, LineRange first, LineRange last) {
    public ExceptionGroup {
        chain = List.copyOf(chain);
        topFrames = List.copyOf(topFrames);
    }
}
