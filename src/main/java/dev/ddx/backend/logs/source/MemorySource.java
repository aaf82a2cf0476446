package dev.ddx.backend.logs.source;

import java.util.List;

/** Lines already fetched (from Loki or Elasticsearch), so they can be read more than once. */
public record MemorySource(String name, List<RawLine> lines) implements LogSource {
    public MemorySource {
        lines = List.copyOf(lines);
    }

    @Override
    public LineStream open() {
        return LineStream.of(lines.iterator());
    }

    /** Reads a source to its end into memory. */
    public static MemorySource of(LogSource s) throws java.io.IOException {
        List<RawLine> all = new java.util.ArrayList<>();
        try (LineStream in = s.open()) {
            for (RawLine l = in.next(); l != null; l = in.next()) all.add(l);
        }
        return new MemorySource(s.name(), all);
    }
}
