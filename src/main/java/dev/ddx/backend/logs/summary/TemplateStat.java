package dev.ddx.backend.logs.summary;

import dev.ddx.model.LineRange;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How often one template occurred, at which levels, and when.
 *
 * @param id        template id ({@code T1} …)
 * @param template  template text with {@code <*>}
 * @param level     the worst level it was logged at (or empty)
 * @param count     events
 * @param levels    events per level, worst first, in the order given (not Map.copyOf's, which changes from run to run)
 * @param firstSeen time of the first event, when known
 * @param lastSeen  time of the last event, when known
 * @param first     where the first event is
 * @param last      where the last event is
 * @param example   the first event's message (first line)
 * @param levelFrom when the log gave its events no level, the word of the template that {@code level}
 *                  was taken from ({@code failed}); else empty
 */
public record TemplateStat(String id, String template, String level, long count, Map<String, Long> levels,
                           Optional<Instant> firstSeen, Optional<Instant> lastSeen, LineRange first, LineRange last,
                           String example, String levelFrom) {
    public TemplateStat {
        levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
    }

    /** This template at the level its word gives it. */
    TemplateStat at(String inferred, String word) {
        return new TemplateStat(id, template, inferred, count, levels, firstSeen, lastSeen, first, last, example, word);
    }
}
