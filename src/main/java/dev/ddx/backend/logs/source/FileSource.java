package dev.ddx.backend.logs.source;

import dev.ddx.backend.logs.read.LineReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A log file on disk; one packed with gzip, xz or bzip2 is unpacked as it is read, whatever its name (see {@link Compression}). */
public record FileSource(Path path) implements LogSource {

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public LineStream open() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            return new ReaderStream(new LineReader(Compression.unpacked(in, name())));
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** Whether the file is compressed (by its magic bytes: see {@link Compression}). */
    public boolean compressed() throws IOException {
        return Compression.of(path) != Compression.NONE;
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
