package dev.ddx.backend.logs.read;

import dev.ddx.backend.logs.source.RawLine;
import dev.ddx.model.LogEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One event as {@link EventReader#nextView()} hands it out: its first line and where the header's
 * fields lie in it, plus the lines folded into it. Fields are read from the line only when asked,
 * and {@link #toEvent()} makes the {@link LogEvent}. Valid until the reader's next call; the
 * reader reuses it.
 */
public final class EventView {
    private final String source;
    private final HeaderParser parser;
    private RawLine line;
    int[] bounds;
    /** The first line's bytes when it is ASCII (see {@link AsciiBytes}), swapped in by the reader like {@link #bounds}. */
    byte[] bytes;
    boolean ascii;
    /** For a line without the header: what it said instead (its time, if any, and the whole line as content). */
    private ParsedHeader plain;
    private long first;
    private long last;
    private int count;
    private StringBuilder more;

    EventView(String source, HeaderParser parser) {
        this.source = source;
        this.parser = parser;
        this.bounds = parser.newBounds();
    }

    /** Starts the view on a line whose header is in {@link #bounds}, or, when {@code plain} is not null, on a line without one. */
    void start(RawLine line, ParsedHeader plain) {
        this.line = line;
        this.plain = plain;
        this.first = line.number();
        this.last = line.number();
        this.count = 1;
        this.more = null;
    }

    void fold(RawLine l) {
        if (more == null) more = new StringBuilder(content());
        more.append('\n').append(l.text());
        count++;
        if (!l.text().isBlank()) last = l.number();
    }

    int lineCount() {
        return count;
    }

    /** Whether lines were folded into the first (a trace; they may share its number, as a JSON object's do). */
    public boolean folded() {
        return count > 1;
    }

    /** The source's name. */
    public String file() {
        return source;
    }

    public int firstLine() {
        return (int) first;
    }

    public int lastLine() {
        return (int) last;
    }

    /** The event's first line, header and all. */
    public String text() {
        return line.text();
    }

    /**
     * The first line's bytes, one per char of {@link #text()}, with {@link AsciiBytes#PAD} spare
     * bytes after them, when the line is ASCII and came so from its source; else null. Valid, like
     * the view, until the reader's next call.
     */
    public byte[] asciiBytes() {
        return ascii && plain == null ? bytes : null;
    }

    /** Where the content starts in {@link #text()}: the first line of the message. */
    public int contentStart() {
        return plain != null ? 0 : parser.contentStart(bounds);
    }

    public int contentEnd() {
        return plain != null ? line.text().length() : parser.contentEnd(bounds);
    }

    /** The normalised level, from the header or else from the store that delivered the line. */
    public String level() {
        String level = plain != null ? "" : parser.level(line.text(), ascii ? bytes : null, bounds);
        return level.isEmpty() ? Levels.normalize(line.level()) : level;
    }

    /** The time, from the header or else from the store that delivered the line. */
    public Optional<Instant> time() {
        Optional<Instant> t = plain != null ? plain.time() : parser.time(line.text(), ascii ? bytes : null, bounds);
        return t.isPresent() ? t : line.time();
    }

    /** The content and the lines folded into it. */
    public String message() {
        return more == null ? content() : more.toString().stripTrailing();
    }

    private String content() {
        return plain != null ? plain.content() : line.text().substring(contentStart(), contentEnd());
    }

    /** The event with all its fields, without a template. */
    public LogEvent toEvent() {
        ParsedHeader h = plain != null ? plain : parser.fields(line.text(), bounds);
        Optional<Instant> time = h.time().isPresent() ? h.time() : line.time();
        String level = h.level().isEmpty() ? Levels.normalize(line.level()) : h.level();
        String thread = h.thread().isEmpty() ? line.thread() : h.thread();
        String component = h.component().isEmpty() ? line.component() : h.component();
        return new LogEvent(source, (int) first, (int) last, time, level, thread, component, message(), "", "", List.of());
    }
}
