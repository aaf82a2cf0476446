package dev.ddx.backend.logs;

import dev.ddx.backend.logs.mine.TemplateMiner;
import dev.ddx.backend.logs.read.EventReader;
import dev.ddx.backend.logs.read.EventView;
import dev.ddx.backend.logs.read.HeaderSpec;
import dev.ddx.backend.logs.source.FileSource;
import dev.ddx.backend.logs.summary.SourceStat;
import dev.ddx.backend.logs.summary.SummaryBuilder;
import dev.ddx.model.LogEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Summarises a large uncompressed file in fixed chunks on every core. Chunks end at line
 * boundaries; each is read by its own {@link EventReader} (the header spec detected once, from the
 * start of the file) into its own {@link SummaryBuilder}, and the parts are added to the caller's
 * builder in file order, so shapes, template ids, line numbers and counts come out as a single
 * reader would give them. An event belongs to the chunk it starts in: a chunk skips the lines that
 * continue its predecessor's last event, and that predecessor reads on to fold them. At most two
 * chunks more than there are workers are in memory at once (one queued, one being added), each with
 * a small shape table: when one fills up (a log of very many distinct messages), the rest of the
 * file is read by one reader into the caller's builder, so memory stays within the bound of one
 * table and the result is still the single reader's.
 */
final class ChunkedRead {
    private final FileSource file;
    private final String name;
    private final LogOptions options;
    private final HeaderSpec spec;
    private final long[] bounds;

    private ChunkedRead(FileSource file, String name, LogOptions options, HeaderSpec spec, long[] bounds) {
        this.file = file;
        this.name = name;
        this.options = options;
        this.spec = spec;
        this.bounds = bounds;
    }

    /** Whether the file is big enough, and plain enough, to be read in chunks. */
    static boolean applies(FileSource f, LogOptions options) {
        try {
            if (!Files.isRegularFile(f.path()) || f.compressed()) return false;
            long size = Files.size(f.path());
            return options.chunkFor(size) <= size / 2;
        } catch (IOException e) {
            return false; // the ordinary reader reports it
        }
    }

    /** Reads the file into {@code into} (its next lines) and says what was read. */
    static SourceStat read(FileSource f, String name, Optional<HeaderSpec> header, LogOptions options,
                           SummaryBuilder into, List<String> notes) throws IOException {
        HeaderSpec spec;
        Instant origin = into.origin();
        long size = Files.size(f.path());
        long chunk = options.chunkFor(size);
        try (EventReader r = new EventReader(name, f.open(), header, options.timestamps())) {
            spec = r.spec();
            if (origin == null) origin = firstTime(r, chunk);
        }
        ChunkedRead c = new ChunkedRead(f, name, options, spec, bounds(f, size, chunk));
        return c.run(into, origin, notes);
    }

    /** The time of the first timed event within about the first chunk, so every part's histograms share it. */
    private static Instant firstTime(EventReader r, long within) throws IOException {
        for (LogEvent e = r.next(); e != null && r.bytesRead() <= within + (1 << 16); e = r.next()) {
            if (e.time().isPresent()) return e.time().get();
        }
        return null;
    }

    /** Small chunks first, each a 1/{@value #WARM_PARTS} of a chunk: see {@link #bounds}. */
    private static final int WARM_PARTS = 32;
    private static final int WARM_CHUNKS = 4;
    /** The last {@value #TAIL_CHUNKS} chunks' worth of the file is read in quarter chunks: see {@link #bounds}. */
    private static final int TAIL_CHUNKS = 2;
    private static final int TAIL_PARTS = 4;

    /**
     * Chunk starts: 0, then the first line start at or after each target, then the file size. The
     * targets are a few small steps and then whole chunks: {@value #WARM_CHUNKS} chunks of
     * 1/{@value #WARM_PARTS} of the size begin the file, so readers end and begin while the JIT is
     * still profiling the reading path (a path first taken after it was optimised makes it compile
     * the whole path again, which on two cores costs as much as reading tens of megabytes). The last
     * {@value #TAIL_CHUNKS} chunks' worth is cut in 1/{@value #TAIL_PARTS} chunks, so the workers
     * end within a quarter chunk of each other rather than one reading a whole chunk alone.
     */
    private static long[] bounds(FileSource f, long size, long chunk) throws IOException {
        List<Long> starts = new ArrayList<>(List.of(0L));
        long warm = Math.max(1, chunk / WARM_PARTS);
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(f.path())) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
            long tail = Math.max(1, chunk / TAIL_PARTS);
            for (long at = warm; at < size; at += at < WARM_CHUNKS * warm ? warm : size - at <= TAIL_CHUNKS * chunk ? tail : chunk) {
                long start = lineStartFrom(ch, buf, at - 1, size);
                if (start > starts.get(starts.size() - 1) && start < size) starts.add(start); // not twice inside one long line
            }
        }
        starts.add(size);
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** The offset just after the first newline at or after {@code from}, or the size when there is none. */
    private static long lineStartFrom(java.nio.channels.SeekableByteChannel ch, java.nio.ByteBuffer buf, long from, long size)
            throws IOException {
        long at = from;
        ch.position(at);
        while (at < size) {
            buf.clear();
            int n = ch.read(buf);
            if (n <= 0) break;
            for (int i = 0; i < n; i++) if (buf.get(i) == '\n') return at + i + 1;
            at += n;
        }
        return size;
    }

    /** One chunk's part of the summary, and its figures; {@code full} when its shape table filled up. */
    private record Part(SummaryBuilder builder, long rawLines, long textLines, long events, long skippedBytes, long truncated,
                        boolean full) {
    }

    private SourceStat run(SummaryBuilder into, Instant origin, List<String> notes) throws IOException {
        int chunks = bounds.length - 1;
        int workers = Math.max(1, Math.min(chunks, Runtime.getRuntime().availableProcessors()));
        // one chunk more than the workers is queued, so a worker that finishes before the chunk being
        // waited for goes straight on; the parts in memory (queued, being read, being added) hold half
        // a table's shapes between them
        int queued = workers + 1;
        int partShapes = Math.max(16, options.maxShapes() / (2 * (queued + 1)));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "ddx-log-chunk");
            t.setDaemon(true);
            return t;
        });
        long lineOffset = 0;
        long textLines = 0;
        long events = 0;
        long skipped = 0;
        long truncated = 0;
        Deque<Future<Part>> window = new ArrayDeque<>();
        int next = 0;
        try {
            for (int k = 0; k < chunks; k++) {
                while (next < chunks && window.size() < queued) {
                    int c = next++;
                    window.add(pool.submit(() -> part(c, origin, partShapes, 0, new SummaryBuilder(new TemplateMiner(partShapes), origin))));
                }
                Part p = window.poll().get();
                if (p.full()) {
                    // too many distinct messages for parts: read the rest as one reader would, into the summary itself
                    window.forEach(f -> f.cancel(true));
                    window.clear();
                    p = part(k, origin, 0, lineOffset, into);
                    k = chunks;
                } else {
                    into.addAll(p.builder(), (int) Math.min(lineOffset, Integer.MAX_VALUE));
                }
                if (lineOffset + p.rawLines() > Integer.MAX_VALUE) {
                    notes.add(name + ": line numbers past " + Integer.MAX_VALUE + " are not counted");
                }
                lineOffset += p.rawLines();
                textLines += p.textLines();
                events += p.events();
                skipped += p.skippedBytes();
                truncated += p.truncated();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + name, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof UncheckedIOException u) throw u.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
        return new SourceStat(name, spec.text(), textLines, events, skipped, truncated);
    }

    /**
     * Reads the file from chunk k into {@code b}: that chunk alone when {@code maxShapes} is positive
     * (stopping early once b's shape table holds that many), else every chunk from k on. Line
     * numbers start after {@code linesBefore}.
     */
    private Part part(int k, Instant origin, int maxShapes, long linesBefore, SummaryBuilder b) throws IOException {
        long start = bounds[k];
        long end = maxShapes > 0 ? bounds[k + 1] : bounds[bounds.length - 1];
        long events = 0;
        boolean full = false;
        try (EventReader r = new EventReader(name, file.openChunk(start, end - start, linesBefore), spec,
                options.timestamps(), end - start, k == 0)) {
            for (int n = BATCH; n == BATCH && !full; ) {
                n = batch(r, b);
                events += n;
                full = maxShapes > 0 && b.miner().shapeCount() >= maxShapes;
            }
            return new Part(b, r.linesBeforeLimit(), r.lineCount(), events, r.skippedBytes(), r.truncatedLines(), full);
        }
    }

    /** Events per {@link #batch} call. */
    private static final int BATCH = 1024;

    /**
     * Takes up to {@link #BATCH} events into b and says how many (fewer only at the end). In batches
     * rather than one loop per chunk, so the compiler sees the loop end often and does not have to
     * compile the whole reading path again when a chunk ends. The caller checks for a full shape
     * table after each batch (a full part is read again by one reader, so what it counted then is dropped).
     */
    private static int batch(EventReader r, SummaryBuilder b) throws IOException {
        int n = 0;
        for (EventView e; n < BATCH && (e = r.nextView()) != null; n++) b.accept(e);
        return n;
    }
}
