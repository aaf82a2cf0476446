package dev.ddx.backend.gdb;

import dev.ddx.model.SourceLocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lines of source files read from disk when they are readable, each file read once. */
public final class SourceLines {
    private static final long MAX_BYTES = 8L << 20;
    private final Map<String, List<String>> files = new HashMap<>();

    /** The text of the line (stripped), or empty when the file or the line cannot be read. */
    public Optional<String> line(SourceLocation at) {
        List<String> lines = files.computeIfAbsent(at.file(), SourceLines::read);
        if (at.line() < 1 || at.line() > lines.size()) return Optional.empty();
        return Optional.of(lines.get(at.line() - 1).strip());
    }

    private static List<String> read(String file) {
        try {
            Path p = Paths.get(file);
            if (!p.isAbsolute() || !Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) return List.of();
            return List.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).split("\n", -1));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
