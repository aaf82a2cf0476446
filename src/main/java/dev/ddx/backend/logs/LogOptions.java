package dev.ddx.backend.logs;

import dev.ddx.backend.logs.source.LogSource;

import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read logs.
 *
 * @param header      an explicit header spec in logpai notation for every file, or empty to detect it per file
 * @param defaultYear the year for timestamps that carry none (syslog), normally this year
 * @param maxShapes   the bound of the template table (memory stays bounded whatever the input size)
 * @param remote      sources beside the named ones (Loki, Elasticsearch), read once and kept in memory
 * @param stdin       what {@code -} reads
 * @param chunkBytes  an uncompressed file of at least two chunks is summarised in chunks of this many
 *                    bytes, on every core, and the parts added up in order (the result does not
 *                    depend on the number of cores)
 */
public record LogOptions(Optional<String> header, int defaultYear, int maxShapes, List<LogSource> remote,
                         InputStream stdin, long chunkBytes) {
    /** The chunk size of large files: big enough that per-chunk work is noise, small enough to keep both cores busy. */
    public static final long CHUNK_BYTES = 32L << 20;

    public LogOptions {
        Objects.requireNonNull(header, "header");
        remote = List.copyOf(remote);
        Objects.requireNonNull(stdin, "stdin");
        if (chunkBytes < 1) throw new IllegalArgumentException("chunk size must be positive: " + chunkBytes);
    }

    /** Detect headers, this year (by the clock) for year-less timestamps, no remote sources, the process's stdin. */
    public static LogOptions defaults(Clock clock) {
        return new LogOptions(Optional.empty(), clock.instant().atZone(ZoneOffset.UTC).getYear(), 100_000, List.of(), System.in, CHUNK_BYTES);
    }

    public static LogOptions defaults() {
        return defaults(Clock.systemUTC());
    }

    public LogOptions withHeader(String spec) {
        return new LogOptions(Optional.ofNullable(spec).filter(s -> !s.isBlank()), defaultYear, maxShapes, remote, stdin, chunkBytes);
    }

    public LogOptions withRemote(List<LogSource> sources) {
        return new LogOptions(header, defaultYear, maxShapes, sources, stdin, chunkBytes);
    }

    public LogOptions withStdin(InputStream in) {
        return new LogOptions(header, defaultYear, maxShapes, remote, in, chunkBytes);
    }

    public LogOptions withMaxShapes(int max) {
        return new LogOptions(header, defaultYear, max, remote, stdin, chunkBytes);
    }

    public LogOptions withChunkBytes(long bytes) {
        return new LogOptions(header, defaultYear, maxShapes, remote, stdin, bytes);
    }
}
