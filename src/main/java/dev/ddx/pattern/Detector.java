package dev.ddx.pattern;

import java.util.List;
import java.util.Set;

/**
 * Recognises patterns of the catalog in one kind of evidence.
 *
 * @param <T> what it reads: a {@link dev.ddx.model.Snapshot}, a list of log events, …
 */
public interface Detector<T> {

    /** The detector's id as the catalog's {@code detector} field names it (usually the pattern id). */
    String id();

    /** The catalog pattern ids this detector can emit; every finding's id is one of these (by default its own id). */
    default Set<String> emits() {
        return Set.of(id());
    }

    /** The findings that hold for the input; empty when none. Never null, never throws on odd input. */
    List<Finding> detect(T input);
}
