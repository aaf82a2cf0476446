package dev.ddx.agent;

import java.util.List;

/**
 * What an earlier session on the same program found, for "compare with the last run".
 *
 * @param source     where it was read from (a transcript path)
 * @param when       when that run happened, as recorded
 * @param signature  its crash or hang signature (faulting function, patterns), or empty
 * @param patternIds the pattern ids of its findings
 */
public record PreviousRun(String source, String when, String signature, List<String> patternIds) {
    public PreviousRun {
        patternIds = List.copyOf(patternIds);
        signature = signature == null ? "" : signature;
    }
}
