package dev.ddx.backend.pdb;

import java.lang.ProcessBuilder.Redirect;
import java.util.Objects;

/**
 * Where the Python program's own stdin, stdout and stderr go. On the command line they are the
 * user's terminal (inherited); tests send them to files or discard them so nothing a program
 * reads or prints can touch the test runner's own streams.
 */
public record PdbStdio(Redirect in, Redirect out, Redirect err) {
    public PdbStdio {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The user's terminal. */
    public static PdbStdio inherit() {
        return new PdbStdio(Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT);
    }

    /** Empty stdin, output thrown away. */
    public static PdbStdio discard() {
        return new PdbStdio(Redirect.from(new java.io.File("/dev/null")), Redirect.DISCARD, Redirect.DISCARD);
    }

    /**
     * The choice of the {@code ddx.pdb.stdio} system property: {@code discard} or {@code inherit}
     * (the default).
     */
    public static PdbStdio fromSystemProperty() {
        return "discard".equals(System.getProperty("ddx.pdb.stdio")) ? discard() : inherit();
    }

    void apply(ProcessBuilder pb) {
        pb.redirectInput(in).redirectOutput(out).redirectError(err);
    }
}
