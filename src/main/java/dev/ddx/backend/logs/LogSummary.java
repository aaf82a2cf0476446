package dev.ddx.backend.logs;

import dev.ddx.backend.logs.summary.Burst;
import dev.ddx.backend.logs.summary.ExceptionGroup;
import dev.ddx.backend.logs.summary.LevelBucket;
import dev.ddx.backend.logs.summary.NumericSeries;
import dev.ddx.backend.logs.summary.SourceStat;
import dev.ddx.backend.logs.summary.TemplateStat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a set of logs says, in brief: what was read, the time span, events per level (overall and
 * over time), the most frequent templates, the templates logged at WARN or worse, the exceptions,
 * numeric series mined from template parameters, and bursts. Lists are bounded (top 20 or so) and
 * ordered deterministically; all lists are immutable and never null.
 *
 * @param sources      per source: name, header used, lines, events, skipped bytes
 * @param lines        lines read, all sources
 * @param events       events after folding multi-line ones
 * @param start        earliest timestamp, when any event had one
 * @param end          latest timestamp
 * @param levels       events per normalised level, worst first ("" = no level)
 * @param bucketMillis width of the {@code timeline} buckets
 * @param timeline     events per level per bucket, from {@code start}
 * @param templateCount how many templates were mined
 * @param topTemplates the most frequent templates (at most 20)
 * @param problems     templates logged at WARN, ERROR or FATAL (or, logged with no level, whose words say so:
 *                     {@link TemplateStat#levelFrom}), worst level then count first (at most 20)
 * @param exceptions   exception groups, most frequent first (at most 20)
 * @param series       numeric series worth a look (at most 12)
 * @param bursts       templates whose rate jumped, by start time
 * @param notes        what the reader should know: sources that could not be read, skipped garbage
 */
public record LogSummary(List<SourceStat> sources, long lines, long events, Optional<Instant> start,
                         Optional<Instant> end, Map<String, Long> levels, long bucketMillis,
                         List<LevelBucket> timeline, int templateCount, List<TemplateStat> topTemplates,
                         List<TemplateStat> problems, List<ExceptionGroup> exceptions, List<NumericSeries> series,
                         List<Burst> bursts, List<String> notes) {
    public LogSummary {
        sources = List.copyOf(sources);
        levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
        timeline = List.copyOf(timeline);
        topTemplates = List.copyOf(topTemplates);
        problems = List.copyOf(problems);
        exceptions = List.copyOf(exceptions);
        series = List.copyOf(series);
        bursts = List.copyOf(bursts);
        notes = List.copyOf(notes);
    }
}
