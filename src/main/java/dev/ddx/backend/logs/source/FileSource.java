package dev.ddx.backend.logs.source;

import dev.ddx.backend.logs.read.LineReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** A log file on disk; gzip-compressed files are recognised by their magic bytes, whatever their name. */
public record FileSource(Path path) implements LogSource {

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public LineStream open() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        return new ReaderStream(new LineReader(maybeGunzip(in)));
    }

    /** Whether the file is gzip-compressed (by its magic bytes). */
    public boolean compressed() throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return gzipMagic(in.read(), in.read());
        }
    }

    /**
     * The lines of an uncompressed file from byte {@code offset} on (the start of a line), as a
     * chunk ending {@code length} bytes later (see {@link LineReader#LineReader(InputStream, long, long)});
     * {@link LineStream#lineStart()} counts from the offset, line numbers from {@code linesBefore} + 1.
     */
    public LineStream openChunk(long offset, long length, long linesBefore) throws IOException {
        java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(path);
        ch.position(offset);
        return new ReaderStream(new LineReader(java.nio.channels.Channels.newInputStream(ch), length, linesBefore));
    }

    static InputStream maybeGunzip(InputStream in) throws IOException {
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in);
        b.mark(2);
        int b1 = b.read();
        int b2 = b.read();
        b.reset();
        if (gzipMagic(b1, b2)) return new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16);
        return b;
    }

    /** Whether a stream's first two bytes are gzip's magic number. */
    private static boolean gzipMagic(int b1, int b2) {
        return b1 == 0x1f && b2 == 0x8b;
    }

    /** A line stream over a {@link LineReader}. */
    static final class ReaderStream implements LineStream {
        private final LineReader reader;

        ReaderStream(LineReader reader) {
            this.reader = reader;
        }

        @Override
        public RawLine next() throws IOException {
            String text = reader.next();
            return text == null ? null : RawLine.of(reader.lineNumber(), text);
        }

        @Override
        public long skippedBytes() {
            return reader.skippedBytes();
        }

        @Override
        public long truncatedLines() {
            return reader.truncatedLines();
        }

        @Override
        public long bytesRead() {
            return reader.bytesRead();
        }

        @Override
        public long lineStart() {
            return reader.lineStart();
        }

        @Override
        public byte[] asciiCopy(byte[] into) {
            return reader.asciiCopy(into);
        }

        @Override
        public long linesBeforeLimit() {
            return reader.linesBeforeLimit();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
