package dev.ddx.model;

import java.util.Objects;

/** A file and a 1-based line number (0 when only the file is known). */
public record SourceLocation(String file, int line) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
