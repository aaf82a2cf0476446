package dev.ddx.backend.logs.source;

import java.io.IOException;

/**
 * Where log lines come from: a file (plain or gzip), stdin, a Loki query or an Elasticsearch
 * search. {@link #name()} is what evidence and records call the source ({@code app.log},
 * {@code -}, {@code loki:{app="api"}}).
 */
public interface LogSource {
    String name();

    /** Opens the source from its start. Sources that can only be read once say so with {@link #rereadable()}. */
    LineStream open() throws IOException;

    /** Whether {@link #open()} may be called more than once (files yes; stdin no). */
    default boolean rereadable() {
        return true;
    }
}
