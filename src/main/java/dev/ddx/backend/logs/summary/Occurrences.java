package dev.ddx.backend.logs.summary;

import dev.ddx.model.LineRange;

import java.time.Instant;
import java.util.Optional;

/**
 * Where and when events of one kind occurred while streaming: the first one's lines and message,
 * the last one's lines, and the earliest and latest times. A shape keeps one for all its events and
 * one for its events at its worst level.
 */
final class Occurrences {
    /** How much of the first event's message line is kept. */
    private static final int EXAMPLE = 300;

    LineRange first;
    String example;
    /** The last event's lines, kept as parts (one object per event would be garbage). */
    private String lastFile;
    private int lastFirst;
    private int lastLast;
    Instant firstSeen;
    Instant lastSeen;

    /** Notes an event whose first message line is {@code text[from, to)}. */
    void note(String file, int firstLine, int lastLine, Optional<Instant> time, String text, int from, int to) {
        if (first == null) {
            first = new LineRange(file, firstLine, lastLine);
            example = text.substring(from, Math.min(to, from + EXAMPLE));
        }
        lastFile = file;
        lastFirst = firstLine;
        lastLast = lastLine;
        if (time.isPresent()) seen(time.get());
    }

    private void seen(Instant t) {
        if (firstSeen == null || t.isBefore(firstSeen)) firstSeen = t;
        if (lastSeen == null || t.isAfter(lastSeen)) lastSeen = t;
    }

    /** The lines of the last event, or null before any. */
    LineRange last() {
        return lastFile == null ? null : new LineRange(lastFile, lastFirst, lastLast);
    }

    /** Adds what a later chunk of the same input saw, its line numbers moved by {@code lineOffset}. */
    void addLater(Occurrences later, int lineOffset) {
        if (first == null && later.first != null) {
            first = moved(later.first, lineOffset);
            example = later.example;
        }
        if (later.lastFile != null) {
            lastFile = later.lastFile;
            lastFirst = later.lastFirst + lineOffset;
            lastLast = later.lastLast + lineOffset;
        }
        if (later.firstSeen != null) seen(later.firstSeen);
        if (later.lastSeen != null) seen(later.lastSeen);
    }

    static LineRange moved(LineRange r, int lineOffset) {
        return lineOffset == 0 ? r : new LineRange(r.file(), r.first() + lineOffset, r.last() + lineOffset);
    }
}
