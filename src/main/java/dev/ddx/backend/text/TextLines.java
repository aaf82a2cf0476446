package dev.ddx.backend.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Saved debugger text as lines, cleaned of what terminals add (carriage returns, ANSI colour
 * codes, tabs), each keeping its line number in the original file.
 *
 * @param file  the file name used in line ranges ("-" for stdin)
 * @param lines the cleaned lines of this slice
 * @param first the 1-based line number of {@code lines.get(0)} in the file
 */
public record TextLines(String file, List<String> lines, int first) {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[()][0-9A-Za-z]|\u001B[=>]");

    public TextLines {
        Objects.requireNonNull(file, "file");
        lines = List.copyOf(lines);
    }

    /** The whole text of a file, cleaned. */
    public static TextLines of(String file, String text) {
        String[] raw = text.split("\r\n|\r|\n", -1);
        List<String> out = new ArrayList<>(raw.length);
        int n = raw.length;
        if (n > 0 && raw[n - 1].isEmpty()) n--; // the newline that ends the last line starts no new one
        for (int i = 0; i < n; i++) {
            out.add(clean(raw[i]));
        }
        return new TextLines(file, out, 1);
    }

    /** A line without colour codes, tabs or stray control characters. */
    static String clean(String line) {
        String s = line.indexOf('\u001B') >= 0 ? ANSI.matcher(line).replaceAll("") : line;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || (c < 0x20 && c != '\n') || c == 0x7f) {
                if (b == null) b = new StringBuilder(s.substring(0, i));
                b.append(c == '\t' ? "    " : "");
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    public int size() {
        return lines.size();
    }

    public String get(int i) {
        return lines.get(i);
    }

    /** The file's 1-based line number of index {@code i}. */
    public int lineNumber(int i) {
        return first + i;
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive) of this slice, keeping their numbers. */
    public TextLines slice(int from, int to) {
        return new TextLines(file, lines.subList(from, to), first + from);
    }

    /** The slice as one string, lines joined with newlines. */
    public String text() {
        return String.join("\n", lines);
    }
}
