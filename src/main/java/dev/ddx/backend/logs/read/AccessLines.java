package dev.ddx.backend.logs.read;

import dev.ddx.backend.logs.source.RawLine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Web servers' access logs in the Common or Combined Log Format (Apache's and nginx's default,
 * and most proxies' and load balancers'): {@code 10.0.0.7 - - [01/Mar/2024:10:00:00 +0000] "GET
 * /api/orders/12 HTTP/1.1" 500 512 "-" "curl/8.0"}. Each line becomes the line a text log would
 * have had: its time from the brackets; its level from the status (5xx ERROR, 4xx WARN, the rest
 * INFO); its message the status's reason phrase and number, the request and the size
 * ({@code Internal Server Error (500): GET /api/orders/12 HTTP/1.1, sent 512 bytes}): a message's first
 * words always stay in its template, so each status makes templates of its own, and the sizes a series. The client, referer and user agent are left
 * out; what a server writes after the user agent (nginx's request time, say) follows the message.
 * A line of another shape is passed on as it is.
 */
final class AccessLines {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"), Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(206, "Partial Content"),
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"), Map.entry(304, "Not Modified"),
            Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"), Map.entry(429, "Too Many Requests"), Map.entry(444, "No Response"),
            Map.entry(499, "Client Closed Request"), Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));
    private static final List<String> CLASSES = List.of("Informational", "Success", "Redirection", "Client Error", "Server Error");

    private final TimestampParser times;
    /** The time text of the line before and its time: a busy server writes many lines a second. */
    private String lastTime = "";
    private Optional<Instant> lastInstant = Optional.empty();

    /** A reader of one input's lines (not thread-safe). */
    AccessLines(TimestampParser times) {
        this.times = times;
    }

    /** Whether most of the sample's lines (blank and indented ones aside) are access-log lines. */
    static boolean looksLike(List<String> sample) {
        return Samples.most(sample, s -> Fields.of(s) != null);
    }

    /** The line a text log would have had for this one, or null when it is no access-log line. */
    RawLine convert(RawLine line) {
        Fields f = Fields.of(line.text());
        if (f == null) return null;
        int status = f.status();
        if (!f.time().equals(lastTime)) {
            lastTime = f.time();
            lastInstant = times.parse(lastTime);
        }
        Optional<Instant> time = lastInstant;
        StringBuilder b = new StringBuilder(reason(status)).append(" (").append(status).append("): ");
        b.append(f.request().isEmpty() || f.request().equals("-") ? "no request" : f.request());
        b.append(f.size().equals("-") ? ", no body" : ", sent " + f.size() + " bytes");
        if (!f.rest().isEmpty()) b.append(' ').append(f.rest());
        String level = status >= 500 ? "ERROR" : status >= 400 ? "WARN" : "INFO";
        return new RawLine(line.number(), b.toString(), time.isPresent() ? time : line.time(), level, line.thread(), line.component());
    }

    /**
     * The fields of a line: {@code host ident user [time] "request" status size}, then optionally
     * {@code "referer" "agent"}, then the rest (stripped). Read by hand: a regular expression's
     * alternation per character of a quoted string recurses, and a long request overflowed its stack.
     */
    record Fields(String time, String request, int status, String size, String rest) {
        /** The fields, or null when the line is not of this shape. */
        static Fields of(String s) {
            int i = 0;
            for (int k = 0; k < 3; k++) { // host, ident, user: words, each followed by one space
                int start = i;
                while (i < s.length() && s.charAt(i) != ' ') i++;
                if (i == start || i >= s.length()) return null;
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '[') return null;
            int close = s.indexOf(']', i);
            if (close < 0 || !s.startsWith(" \"", close + 1)) return null;
            String time = s.substring(i + 1, close);
            int requestStart = close + 3;
            int requestEnd = quoteEnd(s, requestStart);
            if (requestEnd < 0 || requestEnd + 6 > s.length() || s.charAt(requestEnd + 1) != ' ') return null;
            i = requestEnd + 2;
            int status = 0;
            for (int k = 0; k < 3; k++, i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') return null;
                status = status * 10 + (c - '0');
            }
            if (i >= s.length() || s.charAt(i) != ' ') return null;
            int sizeStart = ++i;
            if (i < s.length() && s.charAt(i) == '-') i++;
            else while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            if (i == sizeStart || (i < s.length() && !Character.isWhitespace(s.charAt(i)))) return null;
            String size = s.substring(sizeStart, i);
            if (s.startsWith(" \"", i)) { // the referer and the user agent, left out
                int referer = quoteEnd(s, i + 2);
                if (referer >= 0 && s.startsWith(" \"", referer + 1)) {
                    int agent = quoteEnd(s, referer + 3);
                    if (agent >= 0) i = agent + 1;
                }
            }
            return new Fields(time, s.substring(requestStart, requestEnd), status, size, s.substring(i).strip());
        }

        /** Where the quoted text starting at {@code from} (after its opening quote) ends: its closing quote, or -1. */
        private static int quoteEnd(String s, int from) {
            for (int i = from; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') i++;
                else if (c == '"') return i;
            }
            return -1;
        }
    }

    /** The status's reason phrase, or its class's name for a status without a common one. */
    static String reason(int status) {
        String r = REASONS.get(status);
        return r != null ? r : status >= 100 && status < 600 ? CLASSES.get(status / 100 - 1) : "Unknown Status";
    }
}
