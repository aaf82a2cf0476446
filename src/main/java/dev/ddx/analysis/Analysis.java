package dev.ddx.analysis;

import dev.ddx.model.Snapshot;
import dev.ddx.pattern.Finding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What ddx concluded about one snapshot: the findings (most important first), the culprit frame,
 * the incident's signature and the debugger commands worth running next.
 *
 * @param snapshot     the evidence analysed
 * @param findings     sorted by importance, then confidence; never null
 * @param culprit      where the bug most likely is, when a frame can be named
 * @param signature    one stable line for bucketing this incident ({@link Signature})
 * @param nextCommands concrete commands for this incident, most useful first
 */
public record Analysis(Snapshot snapshot, List<Finding> findings, Optional<Culprit> culprit, String signature,
                       List<NextCommand> nextCommands) {
    public Analysis {
        Objects.requireNonNull(snapshot, "snapshot");
        findings = List.copyOf(findings);
        Objects.requireNonNull(culprit, "culprit");
        Objects.requireNonNull(signature, "signature");
        nextCommands = List.copyOf(nextCommands);
    }

    /** The findings of one pattern. */
    public List<Finding> findings(String patternId) {
        return findings.stream().filter(f -> f.patternId().equals(patternId)).toList();
    }

    /** True when some finding has this pattern id. */
    public boolean has(String patternId) {
        return findings.stream().anyMatch(f -> f.patternId().equals(patternId));
    }

    /** The ids of the findings, in order, each once. */
    public List<String> patternIds() {
        return findings.stream().map(Finding::patternId).distinct().toList();
    }
}
