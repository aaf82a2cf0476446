package dev.ddx.backend.logs.read;

import java.util.List;
import java.util.function.Predicate;

/** What most lines of a file's first lines are: how a kind of log is recognised. */
final class Samples {
    private Samples() {
    }

    /** Whether more than half of the sample's lines are {@code such}; blank and indented lines (the rest of a trace) aside. */
    static boolean most(List<String> sample, Predicate<String> such) {
        int lines = 0;
        int matched = 0;
        for (String s : sample) {
            if (s.isBlank() || Character.isWhitespace(s.charAt(0))) continue;
            lines++;
            if (such.test(s)) matched++;
        }
        return lines > 0 && matched * 2 > lines;
    }
}
