package dev.ddx.backend.logs.source;

import dev.ddx.backend.logs.read.LineReader;

import java.io.IOException;
import java.io.InputStream;

/** Standard input ({@code -}), plain or gzip; it can be read once only. */
public record StdinSource(InputStream in) implements LogSource {
    @Override
    public String name() {
        return "-";
    }

    @Override
    public LineStream open() throws IOException {
        return new FileSource.ReaderStream(new LineReader(FileSource.maybeGunzip(in)));
    }

    @Override
    public boolean rereadable() {
        return false;
    }
}
