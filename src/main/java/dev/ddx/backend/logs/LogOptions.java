package dev.ddx.backend.logs;

import dev.ddx.backend.logs.source.LogSource;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read logs.
 *
 * @param header      an explicit header spec in logpai notation for every file, or empty to detect it per file
 * @param now         what year-less timestamps (syslog) are read against: they get now's year, or the
 *                    year before when that would put them more than a day after now
 * @param maxShapes   the bound of the template table (memory stays bounded whatever the input size)
 * @param remote      sources beside the named ones (Loki, Elasticsearch), read once and kept in memory
 * @param stdin       what {@code -} reads
 * @param chunkBytes  an uncompressed file of at least two chunks is summarised in chunks of at most
 *                    this many bytes (see {@link #chunkFor}), on every core, and the parts added up
 *                    in order (the result does not depend on the number of cores)
 */
public record LogOptions(Optional<String> header, java.time.Instant now, int maxShapes, List<LogSource> remote,
                         InputStream stdin, long chunkBytes) {
    /** The chunk size of large files: big enough that per-chunk work is noise, small enough to keep both cores busy. */
    public static final long CHUNK_BYTES = 32L << 20;
    /** The smallest chunk: a file of two of them (2 MiB) is read on every core. */
    public static final long MIN_CHUNK_BYTES = 1L << 20;
    /** As {@code chunkBytes}: every file is read by one reader. */
    public static final long UNCHUNKED = Long.MAX_VALUE;

    public LogOptions {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(now, "now");
        remote = List.copyOf(remote);
        Objects.requireNonNull(stdin, "stdin");
        if (chunkBytes < 1) throw new IllegalArgumentException("chunk size must be positive: " + chunkBytes);
    }

    /**
     * The chunk size for a file of this size: a sixteenth of it, at least {@link #MIN_CHUNK_BYTES}
     * and at most {@code chunkBytes}, so files of a few megabytes are read on every core too (a
     * 50 MB log 1.45 → 1.05 s, a 5 MB one 0.72 → 0.62 s) and files of 512 MiB or more in chunks of 32 MiB.
     */
    public long chunkFor(long fileSize) {
        if (chunkBytes == UNCHUNKED) return UNCHUNKED;
        return Math.min(chunkBytes, Math.max(MIN_CHUNK_BYTES, fileSize / 16));
    }

    /** Detect headers, year-less timestamps read against the clock, no remote sources, the process's stdin. */
    public static LogOptions defaults(Clock clock) {
        return new LogOptions(Optional.empty(), clock.instant(), 100_000, List.of(), System.in, CHUNK_BYTES);
    }

    /** A parser of timestamps for these options (one per reading thread). */
    public dev.ddx.backend.logs.read.TimestampParser timestamps() {
        return new dev.ddx.backend.logs.read.TimestampParser(now);
    }

    public static LogOptions defaults() {
        return defaults(Clock.systemUTC());
    }

    public LogOptions withHeader(String spec) {
        return new LogOptions(Optional.ofNullable(spec).filter(s -> !s.isBlank()), now, maxShapes, remote, stdin, chunkBytes);
    }

    public LogOptions withRemote(List<LogSource> sources) {
        return new LogOptions(header, now, maxShapes, sources, stdin, chunkBytes);
    }

    public LogOptions withStdin(InputStream in) {
        return new LogOptions(header, now, maxShapes, remote, in, chunkBytes);
    }

    public LogOptions withMaxShapes(int max) {
        return new LogOptions(header, now, max, remote, stdin, chunkBytes);
    }

    public LogOptions withChunkBytes(long bytes) {
        return new LogOptions(header, now, maxShapes, remote, stdin, bytes);
    }
}
