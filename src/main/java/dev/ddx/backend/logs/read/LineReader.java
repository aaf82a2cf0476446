package dev.ddx.backend.logs.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into text lines without ever failing on what it reads: invalid UTF-8
 * becomes U+FFFD, lines longer than {@link #MAX_LINE} bytes are cut (the rest is counted, not
 * kept), binary lines (NUL bytes or mostly control bytes) are skipped and their bytes counted,
 * and a last line without a newline is still returned. Line numbers stay those of the input.
 */
public final class LineReader implements Closeable {
    /** The most bytes of one line kept; longer lines are cut and counted in {@link #truncatedLines()}. */
    public static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private byte[] line = new byte[1024];
    private int lineLen;
    private long lineNo;
    private long skippedBytes;
    private long skippedLines;
    private long truncatedLines;
    private long bytesRead;
    /** Where the line read last starts, in bytes from the start of the input. */
    private long lineStart;
    /** What the newline scan saw of the current line: a NUL, how many other control bytes, whether it was cut. */
    private boolean nul;
    private int control;
    /** Whether the current line has a byte above 0x7f (else it is ASCII, and decoded without checking for UTF-8). */
    private boolean high;
    private boolean lineCut;
    /** Whether the current line's bytes are in {@code buf} at {@code srcOff} (it lay there whole), else copied into {@code line}. */
    private boolean direct;
    private int srcOff;
    /** The length of the line {@link #next()} returned last, in bytes, without its line end. */
    private int textLen;

    /** Lines that start at or past this byte offset are still read, but not counted in the figures below. */
    private final long limit;
    private long linesBeforeLimit;

    public LineReader(InputStream in) {
        this(in, Long.MAX_VALUE, 0);
    }

    /**
     * A reader of a chunk of a larger input that ends at byte {@code limit}: lines past it can still
     * be read (to finish an event), but skipped bytes, cut lines and {@link #linesBeforeLimit()}
     * count only the lines that start before it, so the chunks of an input add up to the whole.
     * Line numbers start after {@code linesBefore} (the lines of the chunks before).
     */
    public LineReader(InputStream in, long limit, long linesBefore) {
        this.in = in;
        this.limit = limit;
        this.lineNo = linesBefore;
    }

    /** The next text line (without its line end), or null at the end of the input. */
    public String next() throws IOException {
        while (true) {
            if (!readRawLine()) return null;
            lineNo++;
            boolean counted = lineStart < limit;
            if (counted) linesBeforeLimit++;
            if (counted && lineCut) truncatedLines++;
            if (isBinary()) {
                if (counted) {
                    skippedBytes += lineLen;
                    skippedLines++;
                }
                continue;
            }
            int len = lineLen;
            byte[] src = direct ? buf : line;
            int off = direct ? srcOff : 0;
            if (len > 0 && src[off + len - 1] == '\r') len--;
            textLen = len;
            return new String(src, off, len, high ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The bytes of the line {@link #next()} returned last when it is ASCII (its text then has a char
     * per byte), copied into {@code into} or, when that is too small, a new array, with
     * {@link AsciiBytes#PAD} spare bytes after them; null when the line has a byte above 0x7f.
     */
    public byte[] asciiCopy(byte[] into) {
        if (high) return null;
        byte[] out = into != null && into.length >= textLen + AsciiBytes.PAD ? into : new byte[Math.max(128, 2 * textLen + AsciiBytes.PAD)];
        System.arraycopy(direct ? buf : line, direct ? srcOff : 0, out, 0, textLen);
        return out;
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    public long lineNumber() {
        return lineNo;
    }

    public long skippedBytes() {
        return skippedBytes;
    }

    public long skippedLines() {
        return skippedLines;
    }

    public long truncatedLines() {
        return truncatedLines;
    }

    /** How many lines (text or binary) start before the limit: all of them for a whole input. */
    public long linesBeforeLimit() {
        return linesBeforeLimit;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** The byte offset, from the start of the input, where the line {@link #next()} returned last begins. */
    public long lineStart() {
        return lineStart;
    }

    private boolean readRawLine() throws IOException {
        direct = false;
        lineLen = 0;
        nul = false;
        control = 0;
        high = false;
        boolean any = false;
        boolean cut = false;
        while (true) {
            if (pos >= lim) {
                if (eof || !fill()) {
                    lineCut = cut;
                    return any;
                }
            }
            if (!any) lineStart = bytesRead - lim + pos;
            any = true;
            int start = pos;
            int nl = newline(start);
            if (nl >= 0 && lineLen == 0) { // the whole line is in the buffer: decode it from there, no copy
                direct = true;
                srcOff = start;
                lineLen = nl - start;
                pos = nl + 1;
                lineCut = false;
                return true;
            }
            int end = nl < 0 ? lim : nl;
            cut |= append(start, end);
            pos = nl < 0 ? lim : nl + 1;
            if (nl >= 0) {
                lineCut = cut;
                return true;
            }
        }
    }

    /**
     * The first newline in {@code buf[from, lim)}, or -1, counting the other control bytes on the
     * way (so {@link #isBinary} need not scan again) and noting any byte above 0x7f. Eight bytes at a
     * time: a word whose bytes are all printable ASCII is passed over, else its first byte that is
     * not (a control byte, or, until one was seen, a byte above 0x7f) is looked at and the scan goes
     * on after it.
     */
    private int newline(int from) {
        int i = from;
        byte[] buf = this.buf;
        int lim = this.lim;
        long high = this.high ? 0 : 0x8080808080808080L;
        for (int last = lim - 8; i <= last; ) {
            long w = AsciiBytes.word(buf, i);
            // bit 7 of a byte: below 0x20 (exact for the lowest such byte: no borrow reaches it), or above 0x7f
            long flags = ((w - 0x2020202020202020L) & ~w | w & high) & 0x8080808080808080L;
            if (flags == 0) {
                i += 8;
                continue;
            }
            i += Long.numberOfTrailingZeros(flags) >>> 3;
            byte b = buf[i];
            if (b == '\n') return i;
            if (b < 0) high = 0;
            note(b);
            i++;
        }
        for (; i < lim; i++) {
            byte b = buf[i];
            if (b == '\n') return i;
            note(b);
        }
        return -1;
    }

    /** Notes a byte of the current line that is not printable ASCII (or any byte: printable ones change nothing). */
    private void note(byte b) {
        if (b < 0) high = true;
        else if (b == 0) nul = true;
        else if (b < 0x20 && b != '\t' && b != '\r' && b != 0x1b) control++;
    }

    private boolean append(int from, int to) {
        int n = to - from;
        int room = MAX_LINE - lineLen;
        boolean cut = n > room;
        if (cut) n = room;
        if (n <= 0) return cut;
        if (lineLen + n > line.length) {
            int size = line.length;
            while (size < lineLen + n) size *= 2;
            byte[] bigger = new byte[Math.min(size, MAX_LINE)];
            System.arraycopy(line, 0, bigger, 0, lineLen);
            line = bigger;
        }
        System.arraycopy(buf, from, line, lineLen, n);
        lineLen += n;
        return cut;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        bytesRead += n;
        pos = 0;
        lim = n;
        return true;
    }

    /** A line with a NUL, or where more than a quarter of the bytes are control bytes, is not text. */
    private boolean isBinary() {
        if (!lineCut) return nul || (lineLen > 0 && control * 4 > lineLen);
        int control = 0;
        for (int i = 0; i < lineLen; i++) {
            byte b = line[i];
            if (b == 0) return true;
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != 0x1b) control++;
        }
        return lineLen > 0 && control * 4 > lineLen;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
