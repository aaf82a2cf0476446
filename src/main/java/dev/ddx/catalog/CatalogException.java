package dev.ddx.catalog;

import java.util.List;

/**
 * The catalog shipped with ddx is malformed: a file does not parse, or entries break the rules
 * {@link CatalogValidation} enforces. It is a bug in ddx, never the user's to fix, so it fails
 * loudly at load and in the tests rather than showing a half-read catalog.
 */
public final class CatalogException extends RuntimeException {
    private final List<String> problems;

    public CatalogException(List<String> problems, Throwable cause) {
        super("the pattern catalog is malformed: " + String.join("; ", problems), cause);
        this.problems = List.copyOf(problems);
    }

    public CatalogException(List<String> problems) {
        this(problems, null);
    }

    /** Every problem found, one line each. */
    public List<String> problems() {
        return problems;
    }
}
