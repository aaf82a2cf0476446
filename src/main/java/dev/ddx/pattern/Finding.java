package dev.ddx.pattern;

import java.util.List;
import java.util.Objects;

/**
 * A pattern of the catalog that holds for the evidence, with the facts that show it.
 * A finding cannot be built without evidence.
 *
 * @param patternId  a catalog id (kebab-case of the pattern's name)
 * @param title      one line saying what holds here ("Deadlock between threads 2 and 3")
 * @param confidence 0..1; 1 when the evidence proves it (a cycle read from the mutexes themselves)
 * @param evidence   the facts, never empty
 */
public record Finding(String patternId, String title, double confidence, List<Evidence> evidence) {
    public Finding {
        Objects.requireNonNull(patternId, "patternId");
        Objects.requireNonNull(title, "title");
        if (!patternId.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("pattern id is not kebab-case: " + patternId);
        }
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        if (evidence == null || evidence.isEmpty()) {
            throw new IllegalArgumentException("a finding needs evidence: " + patternId);
        }
        evidence = List.copyOf(evidence);
    }
}
