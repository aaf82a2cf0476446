package dev.ddx.backend.logs.source;

import java.io.Closeable;
import java.io.IOException;

/** The lines of one opened source, in order. */
public interface LineStream extends Closeable {
    /** The next line, or null at the end. */
    RawLine next() throws IOException;

    /** The lines of an iterator (lines already in memory). */
    static LineStream of(java.util.Iterator<RawLine> it) {
        return new LineStream() {
            @Override
            public RawLine next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Bytes of binary garbage skipped so far (0 for sources that cannot carry any). */
    default long skippedBytes() {
        return 0;
    }

    /** Lines cut at {@link dev.ddx.backend.logs.read.LineReader#MAX_LINE} so far. */
    default long truncatedLines() {
        return 0;
    }

    /** How many lines (text or binary) start before the limit the stream was opened with (all, without one). */
    default long linesBeforeLimit() {
        return -1;
    }

    /** The byte offset where the line {@link #next()} returned last begins, or -1 when the source cannot tell. */
    default long lineStart() {
        return -1;
    }

    /**
     * The bytes of the line {@link #next()} returned last, when the stream has them and they are
     * ASCII, as {@link dev.ddx.backend.logs.read.LineReader#asciiCopy} gives them; null otherwise
     * (the readers then read the line's text).
     */
    default byte[] asciiCopy(byte[] into) {
        return null;
    }

    /** Bytes read from the underlying input so far, for throughput figures. */
    default long bytesRead() {
        return 0;
    }
}
