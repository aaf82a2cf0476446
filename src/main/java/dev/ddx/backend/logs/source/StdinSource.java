package dev.ddx.backend.logs.source;

import dev.ddx.backend.logs.read.LineReader;

import java.io.IOException;
import java.io.InputStream;

/** Standard input ({@code -}), plain or packed as a file may be ({@link Compression}); it can be read once only. */
public record StdinSource(InputStream in) implements LogSource {
    @Override
    public String name() {
        return "-";
    }

    @Override
    public LineStream open() throws IOException {
        return new FileSource.ReaderStream(new LineReader(Compression.unpacked(in, name())));
    }

    @Override
    public boolean rereadable() {
        return false;
    }
}
