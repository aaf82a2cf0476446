package dev.ddx.backend.logs.read;

import dev.ddx.backend.logs.source.LineStream;
import dev.ddx.backend.logs.source.RawLine;
import dev.ddx.model.LogEvent;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the lines of one source into events: reads the header of each line (with the given spec,
 * or one detected from the first {@link #SAMPLE} lines) and folds lines without a header —
 * stack traces, {@code Caused by:} chains, Python tracebacks, thread dumps — into the event
 * before them. Events come out in input order, without templates.
 */
public final class EventReader implements Closeable {
    /** How many lines header detection looks at. */
    public static final int SAMPLE = 200;
    /** An event stops folding at this many lines so one bad header cannot swallow a file. */
    static final int MAX_FOLD = 2000;

    private final String source;
    private final LineStream lines;
    private final TimestampParser times;
    private final ArrayDeque<RawLine> lookahead = new ArrayDeque<>();
    private HeaderParser parser;
    private boolean contentOnly;
    private final Optional<HeaderSpec> explicit;
    private EventView pending;
    /** The view handed out last: free again once the caller asks for the next. */
    private EventView returned;
    /** Where a line's header fields lie, before it is known to start an event. */
    private int[] scratch;
    /** The bytes of the line read last when it is ASCII ({@link LineStream#asciiCopy}), for the byte-wise scanner. */
    private byte[] scratchBytes;
    private boolean scratchAscii;
    private boolean done;
    private long lineCount;
    /** Chunk reading: events that start at or past this byte offset belong to the next chunk (-1: read to the end). */
    private final long limit;
    /** Chunk reading: whether no event has started yet, so lines continuing one from the chunk before are skipped. */
    private boolean leading;
    private boolean beyond;
    /** How each line is read: by its header, or as a record (a JSON object, logfmt's pairs, an access-log line). */
    private HeaderSpec.Records records = HeaderSpec.Records.TEXT;
    private AccessLines accessLines;
    /** Whether the sample had PostgreSQL's detail lines ({@link HeaderParser#isDetail}): each is folded into the event before it. */
    private boolean details;
    /** What each line is wrapped in (a container runtime's log): taken out before it is read. */
    private Envelope envelope = Envelope.NONE;
    /** Whether lines are made into others before they are read: {@link #records} or an {@link #envelope}. */
    private boolean converted;
    /** Where the input line the line being taken was made from starts (its first part's, when it was in parts). */
    private long convertedStart;
    /** The lines after the first that the JSON object read last made (its stack trace), read before the next line. */
    private final ArrayDeque<RawLine> jsonMore = new ArrayDeque<>();
    /** Whether the line being taken was a record (a JSON object, logfmt's pairs, an access-log line): it starts an event whatever it says. */
    private boolean record;
    /** Whether the line being taken is one a JSON object made after its first: no line of the input. */
    private boolean jsonMoreLine;
    /** Whether the input's lines are JSON objects (a structured log's, or Docker's records), read from their bytes where they can be. */
    private boolean objects;
    /** An input line as bytes, and their reader. */
    private byte[] jsonBytes;
    private JsonBytes jsonReader;

    public EventReader(String source, LineStream lines, Optional<HeaderSpec> explicit, TimestampParser times) {
        this.source = source;
        this.lines = lines;
        this.explicit = explicit;
        this.times = times;
        this.limit = -1;
    }

    /**
     * Reads one chunk of a larger input: {@code lines} starts at a line boundary of it, lines that
     * continue an event begun before the chunk are skipped (the chunk before folds them), and
     * reading stops at the first event that starts at or past byte {@code limit} of {@code lines}
     * (the last event may fold lines past it). {@code lines} must report {@link LineStream#lineStart()}
     * and be opened with the same limit, so that its figures count the chunk's own lines only.
     */
    public EventReader(String source, LineStream lines, HeaderSpec spec, TimestampParser times, long limit, boolean first) {
        this.source = source;
        this.lines = lines;
        this.explicit = Optional.of(spec);
        this.times = times;
        this.limit = limit;
        this.leading = !first;
    }

    /** The spec in use (detected on first read when none was given). */
    public HeaderSpec spec() throws IOException {
        start();
        return parser.spec();
    }

    /** The next event, or null at the end of the source. */
    public LogEvent next() throws IOException {
        EventView v = nextView();
        return v == null ? null : v.toEvent();
    }

    /**
     * The next event as a view that cuts no field from its line until asked (the summary's way of
     * reading), or null at the end. The view is reused: it is valid until the next call.
     */
    public EventView nextView() throws IOException {
        start();
        EventView free = returned;
        returned = null;
        while (!done) {
            RawLine line;
            if (converted) {
                line = nextConverted();
            } else if (lookahead.isEmpty()) {
                line = lines.next();
                byte[] b = line == null ? null : lines.asciiCopy(scratchBytes);
                scratchAscii = b != null;
                if (b != null) scratchBytes = b;
            } else {
                line = lookahead.poll();
                scratchAscii = false;
            }
            if (line == null) {
                done = true;
                break;
            }
            beyond |= pastLimit(lineStart());
            if (!beyond && !jsonMoreLine) lineCount++;
            if ((leading || beyond) && !startsEvent(line.text())) {
                if (leading && beyond) done = true;
                if (leading) continue; // the chunk before folds it
            } else if (beyond) {
                done = true;
                break;
            }
            leading = false;
            EventView out = accept(line, free);
            if (out != null) {
                returned = out;
                return out;
            }
            if (pending == free) free = null;
        }
        EventView last = pending;
        pending = null;
        returned = last;
        return last;
    }

    public long lineCount() {
        return lineCount;
    }

    public long skippedBytes() {
        return lines.skippedBytes();
    }

    public long truncatedLines() {
        return lines.truncatedLines();
    }

    /** How many lines (text or binary) of the input start before the limit: where the next chunk's line numbers start. */
    public long linesBeforeLimit() {
        return lines.linesBeforeLimit();
    }

    public long bytesRead() {
        return lines.bytesRead();
    }

    /**
     * The next line of a structured log or of one a container runtime wrapped: a line a JSON object
     * made after its first, or the next line of the input, taken out of its envelope and made into
     * the lines of its object when it is one (the rest wait in {@link #jsonMore}). Out of
     * {@link #nextView}, so that a plain text log's reading path stays as small as it was.
     */
    private RawLine nextConverted() throws IOException {
        scratchAscii = false;
        record = false;
        jsonMoreLine = !jsonMore.isEmpty();
        if (jsonMoreLine) return jsonMore.poll();
        boolean fresh = lookahead.isEmpty();
        RawLine line = nextRaw();
        convertedStart = lines.lineStart();
        byte[] raw = line != null && fresh && objects ? rawBytes() : null;
        if (line != null && envelope != Envelope.NONE) {
            line = opened(line, raw);
            raw = null;
        }
        List<RawLine> made = line == null ? null : switch (records) {
            case JSON -> JsonLines.convert(line, raw, jsonReader, times);
            case LOGFMT -> logfmtLine(line);
            case ACCESS -> accessLine(line);
            case TEXT -> null;
        };
        if (made != null) {
            record = true;
            jsonMore.addAll(made.subList(1, made.size()));
            line = made.get(0);
        }
        if (line != null) { // the line a text log would have had, read as bytes like one (a tenth less time on a json-file log)
            byte[] b = AsciiBytes.copied(line.text(), scratchBytes);
            scratchAscii = b != null;
            if (b != null) scratchBytes = b;
        }
        return line;
    }

    private RawLine nextRaw() throws IOException {
        return lookahead.isEmpty() ? lines.next() : lookahead.poll();
    }

    private List<RawLine> logfmtLine(RawLine line) {
        FlatJson pairs = LogfmtLines.record(line.text());
        return pairs == null ? null : JsonLines.convert(line, pairs, times);
    }

    private List<RawLine> accessLine(RawLine line) {
        if (accessLines == null) accessLines = new AccessLines(times);
        RawLine made = accessLines.convert(line);
        return made == null ? null : List.of(made);
    }

    /** The bytes of the line the input gave last when it is ASCII, for the JSON objects' reader; else null. */
    private byte[] rawBytes() {
        if (jsonReader == null) jsonReader = JsonLines.bytesReader();
        byte[] b = lines.asciiCopy(jsonBytes);
        if (b != null) jsonBytes = b;
        return b;
    }

    /** Whether a line starting at byte {@code start} belongs to the next chunk (never when reading to the end). */
    private boolean pastLimit(long start) {
        return limit >= 0 && start >= limit;
    }

    /** Where the line being taken starts in the input: a line joined from parts starts where its first part does. */
    private long lineStart() {
        return converted ? convertedStart : lines.lineStart();
    }

    /**
     * The line inside the envelope, with the runtime's time, joined with the parts after it when the
     * runtime wrote it in parts (each part a line of the input, counted as one); the line itself when
     * it is in no envelope.
     */
    private RawLine opened(RawLine line, byte[] bytes) throws IOException {
        Envelope.Inner in = envelope.open(line.text(), bytes, jsonReader, times);
        if (in == null) return line;
        StringBuilder text = new StringBuilder(in.text());
        for (Envelope.Inner part = in; part.partial(); ) {
            boolean fresh = lookahead.isEmpty();
            RawLine next = nextRaw();
            part = next == null ? null : envelope.open(next.text(), fresh && objects ? rawBytes() : null, jsonReader, times);
            if (part == null) {
                if (next != null) lookahead.addFirst(next);
                break;
            }
            if (!pastLimit(lines.lineStart())) lineCount++;
            text.append(part.text());
        }
        return new RawLine(line.number(), text.toString(), in.time().isPresent() ? in.time() : line.time(), line.level(),
                line.thread(), line.component());
    }

    /** Reads the header spec on the first call (a small method, so the per-event call to it is inlined). */
    private void start() throws IOException {
        if (parser == null) detect();
    }

    private void detect() throws IOException {
        List<String> sample = new ArrayList<>();
        if (explicit.isEmpty()) {
            while (lookahead.size() < SAMPLE) {
                RawLine l = lines.next();
                if (l == null) break;
                lookahead.add(l);
                sample.add(l.text());
            }
        }
        parser = new HeaderParser(explicit.orElseGet(() -> detected(sample)), times);
        int[] b = parser.newBounds();
        for (String l : sample) {
            if (!parser.spec().details() && parser.scan(l, b) && parser.isDetail(l, b)) {
                parser = new HeaderParser(parser.spec().withDetails(), times);
            }
        }
        details = parser.spec().details(); // kept in the spec, which the readers of a file's later chunks are given
        contentOnly = parser.spec().contentOnly();
        envelope = parser.spec().envelope();
        records = parser.spec().records();
        converted = records != HeaderSpec.Records.TEXT || envelope != Envelope.NONE;
        objects = records == HeaderSpec.Records.JSON || envelope == Envelope.DOCKER;
        scratch = parser.newBounds();
    }

    /** The header of the sample's lines: of the lines inside their envelope when they have one, JSON or text. */
    private HeaderSpec detected(List<String> sample) {
        Envelope e = Envelope.detect(sample);
        List<String> inner = sample;
        if (e != Envelope.NONE) {
            inner = new ArrayList<>();
            for (String s : sample) {
                Envelope.Inner in = e.open(s, times);
                inner.add(in == null ? s : in.text());
            }
        }
        HeaderSpec spec = JsonLines.looksLike(inner) ? HeaderSpec.json() : LogfmtLines.looksLike(inner) ? HeaderSpec.logfmt()
                : AccessLines.looksLike(inner) ? HeaderSpec.access() : HeaderDetector.detect(inner);
        return spec.in(e);
    }

    /** Folds the line into the pending event, or starts a new one with it and returns the one it ends. */
    private EventView accept(RawLine line, EventView free) {
        String text = line.text();
        boolean header = (record || !(contentOnly && pending != null && ContinuationParser.continues(text)))
                && parser.scan(text, scratchAscii ? scratchBytes : null, scratch);
        if (!header && pending != null && pending.lineCount() < MAX_FOLD && (contentOnly || !startsWithTime(text))) {
            pending.fold(line);
            return null;
        }
        if (details && header && pending != null && pending.lineCount() < MAX_FOLD && parser.isDetail(text, scratch)) {
            pending.fold(RawLine.of(line.number(), text.substring(parser.levelStart(scratch)))); // "STATEMENT:  select …"
            return null;
        }
        EventView out = pending;
        EventView next = free != null && free != out ? free : new EventView(source, parser);
        if (header) {
            int[] b = next.bounds;
            next.bounds = scratch;
            scratch = b;
            byte[] bytes = next.bytes;
            next.bytes = scratchBytes;
            next.ascii = scratchAscii;
            scratchBytes = bytes;
        }
        next.start(line, header ? null : new ParsedHeader(timeAt(text), "", "", "", text));
        pending = next;
        return out;
    }

    /** Whether the line begins an event rather than continuing the one before (as {@link #accept} decides). */
    private boolean startsEvent(String text) {
        if (contentOnly) return record || !ContinuationParser.continues(text);
        if (parser.scan(text, scratch)) return !details || !parser.isDetail(text, scratch);
        return startsWithTime(text);
    }

    private boolean startsWithTime(String text) {
        return !contentOnly && TimestampParser.shapeAt(text, 0, new int[1]) != null;
    }

    private Optional<Instant> timeAt(String text) {
        return contentOnly ? Optional.empty() : times.parse(text);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

}
