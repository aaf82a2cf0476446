package dev.ddx.backend.logs.read;

import java.util.List;

/**
 * Logs in logfmt, one record of {@code key=value} pairs per line (Go's logrus text formatter and
 * go-kit, Prometheus, Grafana's Loki and Promtail, Heroku): {@code time="2024-03-01T10:00:00Z"
 * level=error msg="db down" err="connection refused"}. A value is a bare word or a quoted string
 * with backslash escapes; a key without {@code =} has an empty value. The pairs are read as a JSON
 * object's top-level fields would be, so the time, level, message, thread, logger and error are
 * found by the same names and the other short values follow the message as {@code key=value}
 * words (see {@link JsonLines}). A line of another shape is passed on as it is.
 */
final class LogfmtLines {
    private LogfmtLines() {
    }

    /** Whether most of the sample's lines (blank and indented ones aside) are logfmt records. */
    static boolean looksLike(List<String> sample) {
        return Samples.most(sample, s -> record(s) != null);
    }

    /**
     * The line's pairs, in order (a key given twice keeps its first value), when the line is a
     * record: it starts with a {@code key=value} pair, has two pairs or more, and one of its keys is a
     * time, level or message; else null. A value of digits only is an integer, any other a string.
     */
    static FlatJson record(String line) {
        FlatJson o = FlatJson.empty();
        int i = 0;
        int n = line.length();
        boolean known = false;
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') i++;
            if (i >= n) break;
            int keyStart = i;
            while (i < n && isKeyChar(line.charAt(i))) i++;
            if (i == keyStart || (i < n && line.charAt(i) != '=' && line.charAt(i) != ' ')) return null;
            String key = line.substring(keyStart, i);
            if (o.top.isEmpty() && (i >= n || line.charAt(i) != '=')) return null; // a record starts with a pair
            String value = "";
            boolean quoted = false;
            if (i < n && line.charAt(i) == '=') {
                i++;
                if (i < n && line.charAt(i) == '"') {
                    StringBuilder b = new StringBuilder();
                    i++;
                    while (i < n && line.charAt(i) != '"') {
                        char c = line.charAt(i++);
                        if (c == '\\' && i < n) {
                            char e = line.charAt(i++);
                            b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
                        } else {
                            b.append(c);
                        }
                    }
                    if (i >= n) return null; // an unclosed quote
                    i++;
                    value = b.toString();
                    quoted = true;
                } else {
                    int start = i;
                    while (i < n && line.charAt(i) != ' ') i++;
                    value = line.substring(start, i);
                }
            }
            if (i < n && line.charAt(i) != ' ') return null;
            known |= JsonLines.namesTimeLevelOrMessage(key); // what makes pairs a log record, not a message with settings in it
            boolean integer = !quoted && value.length() < 19 && NumberParser.digitsOnly(value);
            o.top.putIfAbsent(key, new FlatJson.Value(value, integer ? FlatJson.Kind.INT : FlatJson.Kind.STRING));
        }
        return o.top.size() >= 2 && known ? o : null;
    }

    private static boolean isKeyChar(char c) {
        return c > ' ' && c != '=' && c != '"' && c < 0x7f;
    }
}
