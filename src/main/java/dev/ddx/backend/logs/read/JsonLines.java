package dev.ddx.backend.logs.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddx.backend.logs.source.RawLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Structured logs, one JSON object per line (zap, logrus, bunyan, pino, structlog, logstash's and
 * ECS encoders, Serilog's compact JSON, Docker's json-file): the time, level, thread, logger and
 * message are found by the names these write them under, and each line becomes the line a text log
 * would have had. The message is followed by the object's other short values as {@code key=value}
 * words (so {@code duration_ms=12} makes a template parameter and a numeric series), and a stack
 * trace held in a field follows as lines of their own, which the reader folds into the event. A
 * line that is no JSON object is passed on as it is.
 */
final class JsonLines {
    /** Made when a line first looks like an object: a text log's reading does not pay for it (a twentieth of a second). */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
        /** The dotted names' objects ({@code log} and {@code process.thread} for {@code log.level} and {@code process.thread.name}), and log4j2's {@code instant}. */
        static final Set<String> PREFIXES = new HashSet<>(Set.of("instant"));

        static {
            for (List<String> names : List.of(TIME, LEVEL, MESSAGE, THREAD, COMPONENT, STACK)) {
                for (String n : names) {
                    for (int dot = n.indexOf('.'); dot > 0; dot = n.indexOf('.', dot + 1)) PREFIXES.add(n.substring(0, dot));
                }
            }
        }
    }

    /** log4j2's exception object, read from the line's tree. */
    private static final Set<String> TREE = Set.of("thrown");

    /** The names of each field, most common first; dotted names are also looked up as paths ({@code log.level}). */
    private static final List<String> TIME = List.of("@timestamp", "timestamp", "time", "ts", "@t", "t", "date", "datetime",
            "asctime", "Timestamp", "eventTime", "timeMillis", "__REALTIME_TIMESTAMP");
    private static final List<String> LEVEL = List.of("level", "severity", "lvl", "log.level", "levelname", "@l", "loglevel",
            "Level", "severity_text", "PRIORITY");
    private static final List<String> MESSAGE = List.of("msg", "message", "@m", "@mt", "event", "Message", "MessageTemplate", "log",
            "MESSAGE");
    private static final List<String> THREAD = List.of("thread", "thread_name", "threadName", "process.thread.name", "tid", "goroutine",
            "_PID");
    private static final List<String> COMPONENT = List.of("logger", "logger_name", "loggerName", "log.logger", "name", "caller",
            "component", "module", "SourceContext", "source", "SYSLOG_IDENTIFIER");
    private static final List<String> STACK = List.of("stack_trace", "stacktrace", "stack", "exception", "exc_info",
            "error.stack_trace", "@x", "error", "err");
    /** Time, level, message, thread, component and stack, in that order. */
    private static final List<List<String>> ROLES = List.of(TIME, LEVEL, MESSAGE, THREAD, COMPONENT, STACK);
    /** Each name's role (its index in {@link #ROLES}) times 256 plus its rank among the role's names. */
    private static final Map<String, Integer> ROLE = new HashMap<>();

    static {
        for (int r = 0; r < ROLES.size(); r++) {
            for (int k = 0; k < ROLES.get(r).size(); k++) {
                if (ROLE.put(ROLES.get(r).get(k), r << 8 | k) != null) throw new AssertionError("a name of two roles");
            }
        }
    }

    /** Whether a record's field of this name is its time, level or message (by the names of {@link #ROLES}). */
    static boolean namesTimeLevelOrMessage(String name) {
        Integer r = ROLE.get(name);
        return r != null && (r >> 8) <= 2;
    }

    /** Values longer than this, or with whitespace, are not added after the message. */
    private static final int SHORT = 64;

    private JsonLines() {
    }

    /** Whether most of the sample's lines are JSON objects (indented lines, the rest of a trace, aside): the file is a structured log. */
    static boolean looksLike(List<String> sample) {
        return Samples.most(sample, s -> s.startsWith("{") && object(s) != null);
    }

    /** The JSON object the line holds, or null. */
    static JsonNode object(String line) {
        try {
            JsonNode n = Mapper.MAPPER.readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The lines a text log would have had for this one: the message with the time, level, thread and
     * logger as the line's own fields, then any stack trace a line at a time (all with the line's
     * number; lines that would not read as the rest of a trace are indented, so they are folded
     * all the same); null when the line is no JSON object. Its bytes {@code bytes} hold the line when
     * it is ASCII (null otherwise), read by {@code reader} (see {@link #bytesReader()}).
     */
    static List<RawLine> convert(RawLine line, byte[] bytes, JsonBytes reader, TimestampParser times) {
        String text = line.text();
        FlatJson o = text.stripLeading().startsWith("{") ? flat(text, bytes, reader) : null;
        return o == null ? null : convert(line, o, times);
    }

    /** The lines a text log would have had for the record {@code o} read from this line (a JSON object's fields, or logfmt's pairs). */
    static List<RawLine> convert(RawLine line, FlatJson o, TimestampParser times) {
        FlatJson.Value[] found = new FlatJson.Value[ROLES.size()];
        String[] used = new String[ROLES.size()];
        fields(o, found, used);
        Optional<Instant> time = time(found[0], times);
        FlatJson.Value epoch = o.nested.get("instant.epochSecond");
        if (time.isEmpty() && epoch != null && epoch.number()) { // log4j2's JsonLayout
            FlatJson.Value nanos = o.nested.get("instant.nanoOfSecond");
            time = Optional.of(Instant.ofEpochSecond(epoch.asLong(), nanos == null ? 0 : nanos.asLong()));
        }
        String level = "PRIORITY".equals(used[1]) ? syslogLevel(found[1]) : level(found[1]);
        String message = scalar(found[2]).strip();
        String thread = scalar(found[3]);
        String component = scalar(found[4]);
        String stack = scalar(found[5]).strip();
        if (stack.isEmpty() && o.tree() != null && o.tree().path("thrown").isObject()) stack = thrown(o.tree().get("thrown"), 0);
        int nl = message.indexOf('\n');
        if (nl >= 0) { // a message of several lines: its first is the event's line, the others follow it like a trace
            stack = message.substring(nl + 1).stripTrailing() + (stack.isEmpty() ? "" : "\n" + stack);
            message = message.substring(0, nl).strip();
        }
        StringBuilder b = new StringBuilder(message);
        if (!stack.isEmpty() && stack.indexOf('\n') < 0 && nl < 0) {
            b.append(b.length() > 0 ? ": " : "").append(stack); // zap's "error": a line of its own, part of the message
            stack = "";
        }
        boolean journal = "__REALTIME_TIMESTAMP".equals(used[0]); // a record of systemd's journal
        for (Map.Entry<String, FlatJson.Value> f : o.top.entrySet()) {
            if (journal || !f.getValue().scalar() || taken(used, f.getKey())) continue; // a journal's fields are the system's, not the message's
            String v = f.getValue().asText();
            if (v.isEmpty() || v.length() > SHORT || hasWhitespace(v)) continue;
            if (b.length() > 0) b.append(' ');
            b.append(f.getKey()).append('=').append(v);
        }
        List<RawLine> out = new ArrayList<>();
        out.add(new RawLine(line.number(), b.toString(), time.isPresent() ? time : line.time(),
                level.isEmpty() ? line.level() : level, thread.isEmpty() ? line.thread() : thread,
                component.isEmpty() ? line.component() : component));
        if (!stack.isEmpty()) {
            for (String s : stack.split("\r?\n")) out.add(RawLine.of(line.number(), ContinuationParser.continues(s) ? s : "\t" + s));
        }
        return out;
    }

    /** A reader of lines' objects from their bytes, for one thread. */
    static JsonBytes bytesReader() {
        return new JsonBytes(Mapper.PREFIXES, TREE);
    }

    /** {@link #flat(String)} of a line whose bytes {@code bytes} also holds when it is ASCII (null otherwise), read by {@code reader}. */
    static FlatJson flat(String line, byte[] bytes, JsonBytes reader) {
        FlatJson o = bytes != null ? reader.read(bytes, line.length()) : JsonBytes.UNREAD;
        return o == JsonBytes.UNREAD ? flat(line) : o == FlatJson.NEEDS_TREE ? flatFromTree(line) : o;
    }

    /** The line's object read by the streaming parser, or as a tree where it has to be; null when it is none. */
    static FlatJson flat(String line) {
        FlatJson o = FlatJson.read(line, Mapper.PREFIXES, TREE);
        return o != FlatJson.NEEDS_TREE ? o : flatFromTree(line);
    }

    /** The same from the line's tree, which {@link #flat} reads only where it must (the two are compared in tests). */
    static FlatJson flatFromTree(String line) {
        JsonNode tree = object(line);
        return tree == null ? null : FlatJson.of(tree, Mapper.PREFIXES);
    }

    /** Whether the name is one of those taken, which are the map's own keys. */
    private static boolean taken(String[] used, String name) {
        for (String u : used) if (u == name) return true;
        return false;
    }

    private static boolean hasWhitespace(String v) {
        for (int i = 0; i < v.length(); i++) if (Character.isWhitespace(v.charAt(i))) return true;
        return false;
    }

    /**
     * For each of {@link #ROLES}, the value under the first of its names that the object has a text,
     * number or boolean under (a dotted name also as a path into objects: ECS's {@code log.level});
     * {@code used} gets the top-level names taken. One look-up per field, not one per name.
     */
    private static void fields(FlatJson o, FlatJson.Value[] found, String[] used) {
        int[] rank = new int[found.length];
        Arrays.fill(rank, Integer.MAX_VALUE);
        for (Map.Entry<String, FlatJson.Value> f : o.top.entrySet()) {
            Integer r = ROLE.get(f.getKey());
            if (r == null || !f.getValue().scalar() || (r & 0xff) >= rank[r >> 8]) continue;
            rank[r >> 8] = r & 0xff;
            found[r >> 8] = f.getValue();
            used[r >> 8] = f.getKey();
        }
        for (Map.Entry<String, FlatJson.Value> f : o.nested.entrySet()) {
            Integer r = ROLE.get(f.getKey());
            if (r == null || !f.getValue().scalar() || (r & 0xff) >= rank[r >> 8] || o.top.containsKey(f.getKey())) continue;
            rank[r >> 8] = r & 0xff;
            found[r >> 8] = f.getValue();
            used[r >> 8] = null; // inside an object, which is no word anyway
        }
    }


    /**
     * log4j2's JsonLayout writes an exception as an object ({@code thrown}: name, message, frames,
     * cause): the trace Java would have printed for it, causes as {@code Caused by:} (at most eight deep).
     */
    private static String thrown(JsonNode t, int depth) {
        StringBuilder b = new StringBuilder(t.path("name").asText());
        String message = t.path("message").asText();
        if (!message.isEmpty()) b.append(": ").append(message);
        JsonNode frames = t.path("extendedStackTrace").isArray() ? t.get("extendedStackTrace") : t.path("stackTrace");
        for (JsonNode f : frames) {
            b.append("\n\tat ").append(f.path("class").asText()).append('.').append(f.path("method").asText()).append('(');
            String file = f.path("file").asText();
            b.append(file.isEmpty() ? "Unknown Source" : file);
            if (f.path("line").asInt(-1) >= 0) b.append(':').append(f.path("line").asInt());
            b.append(')');
        }
        JsonNode cause = t.path("cause");
        if (cause.isObject() && depth < 8) b.append("\nCaused by: ").append(thrown(cause, depth + 1));
        return b.toString();
    }

    private static String scalar(FlatJson.Value v) {
        return v == null ? "" : v.asText();
    }

    /**
     * A time written as text (any shape the parser knows) or as epoch seconds, millis, micros or nanos,
     * also as a string of digits (journald's {@code __REALTIME_TIMESTAMP}, in micros).
     */
    private static Optional<Instant> time(FlatJson.Value v, TimestampParser times) {
        if (v == null) return Optional.empty();
        if (v.kind() == FlatJson.Kind.STRING && v.text().length() < 20 && NumberParser.digitsOnly(v.text())) {
            v = new FlatJson.Value(v.text(), FlatJson.Kind.INT);
        }
        if (v.number()) {
            double d = v.asDouble();
            if (d <= 0) return Optional.empty();
            if (d > 1e17) return Optional.of(Instant.ofEpochSecond(0, v.asLong()));
            if (d > 1e14) return Optional.of(Instant.ofEpochSecond(0, v.asLong() * 1000));
            if (d > 1e11) return Optional.of(Instant.ofEpochMilli(v.asLong()));
            long s = (long) d;
            return Optional.of(Instant.ofEpochSecond(s, Math.round((d - s) * 1e6) * 1000));
        }
        return times.parse(v.asText().strip());
    }

    /** journald's {@code PRIORITY}, syslog's numbers: 0 to 2 FATAL, 3 ERROR, 4 WARN, 5 and 6 INFO, 7 DEBUG. */
    private static String syslogLevel(FlatJson.Value v) {
        String p = v.text().strip();
        return p.length() != 1 || p.charAt(0) < '0' || p.charAt(0) > '7' ? level(v)
                : List.of("FATAL", "FATAL", "FATAL", "ERROR", "WARN", "INFO", "INFO", "DEBUG").get(p.charAt(0) - '0');
    }

    /** A level word (normalised), or bunyan's and pino's numbers (10 trace … 60 fatal). */
    private static String level(FlatJson.Value v) {
        if (v == null) return "";
        if (v.number()) {
            int n = v.kind() == FlatJson.Kind.INT ? (int) v.asLong() : (int) v.asDouble();
            return n >= 60 ? "FATAL" : n >= 50 ? "ERROR" : n >= 40 ? "WARN" : n >= 30 ? "INFO" : n >= 20 ? "DEBUG" : "TRACE";
        }
        String w = v.asText().strip();
        String normal = Levels.normalize(w);
        return normal.isEmpty() && w.equalsIgnoreCase("dpanic") ? "FATAL" : normal;
    }
}
