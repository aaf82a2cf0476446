package dev.ddx.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One pattern that matches a plain-language query.
 *
 * @param entry   the pattern
 * @param score   relevance, higher is better; only comparable within one search
 * @param matched the query terms (stemmed, after synonyms) found in the entry, best first
 */
public record SearchHit(PatternEntry entry, double score, List<String> matched) {
    public SearchHit {
        Objects.requireNonNull(entry, "entry");
        matched = List.copyOf(matched);
    }
}
