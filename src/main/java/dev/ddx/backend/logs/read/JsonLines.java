package dev.ddx.backend.logs.read;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddx.backend.logs.source.RawLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
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
        /** The dotted names as paths ({@code log.level} is {@code /log/level}), made once: a path made per line was a tenth of the reading. */
        static final Map<String, JsonPointer> PATHS = new java.util.HashMap<>();

        static {
            for (List<String> names : List.of(TIME, LEVEL, MESSAGE, THREAD, COMPONENT, STACK)) {
                for (String n : names) if (n.indexOf('.') > 0) PATHS.put(n, JsonPointer.compile("/" + n.replace('.', '/')));
            }
        }
    }

    /** The names of each field, most common first; dotted names are also looked up as paths ({@code log.level}). */
    private static final List<String> TIME = List.of("@timestamp", "timestamp", "time", "ts", "@t", "t", "date", "datetime",
            "asctime", "Timestamp", "eventTime", "timeMillis");
    private static final List<String> LEVEL = List.of("level", "severity", "lvl", "log.level", "levelname", "@l", "loglevel",
            "Level", "severity_text");
    private static final List<String> MESSAGE = List.of("msg", "message", "@m", "@mt", "event", "Message", "MessageTemplate", "log");
    private static final List<String> THREAD = List.of("thread", "thread_name", "threadName", "process.thread.name", "tid", "goroutine");
    private static final List<String> COMPONENT = List.of("logger", "logger_name", "loggerName", "log.logger", "name", "caller",
            "component", "module", "SourceContext", "source");
    private static final List<String> STACK = List.of("stack_trace", "stacktrace", "stack", "exception", "exc_info",
            "error.stack_trace", "@x", "error", "err");
    /** Values longer than this, or with whitespace, are not added after the message. */
    private static final int SHORT = 64;

    private JsonLines() {
    }

    /** Whether most of the sample's lines are JSON objects (indented lines, the rest of a trace, aside): the file is a structured log. */
    static boolean looksLike(List<String> sample) {
        int lines = 0;
        int objects = 0;
        for (String s : sample) {
            if (s.isBlank() || Character.isWhitespace(s.charAt(0))) continue;
            lines++;
            if (s.startsWith("{") && object(s) != null) objects++;
        }
        return lines > 0 && objects * 2 > lines;
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
     * all the same); null when the line is no JSON object.
     */
    static List<RawLine> convert(RawLine line, TimestampParser times) {
        String text = line.text();
        JsonNode o = text.stripLeading().startsWith("{") ? object(text) : null;
        if (o == null) return null;
        Set<String> used = new HashSet<>();
        Optional<Instant> time = time(field(o, TIME, used), times);
        if (time.isEmpty() && o.path("instant").path("epochSecond").isNumber()) { // log4j2's JsonLayout
            time = Optional.of(Instant.ofEpochSecond(o.get("instant").get("epochSecond").asLong(),
                    o.get("instant").path("nanoOfSecond").asLong()));
        }
        String level = level(field(o, LEVEL, used));
        String message = scalar(field(o, MESSAGE, used)).strip();
        String thread = scalar(field(o, THREAD, used));
        String component = scalar(field(o, COMPONENT, used));
        String stack = scalar(field(o, STACK, used)).strip();
        if (stack.isEmpty() && o.path("thrown").isObject()) stack = thrown(o.get("thrown"), 0);
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
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (used.contains(f.getKey()) || !f.getValue().isValueNode() || f.getValue().isNull()) continue;
            String v = f.getValue().asText();
            if (v.isEmpty() || v.length() > SHORT || v.chars().anyMatch(Character::isWhitespace)) continue;
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

    /**
     * The first of the names the object has a text, number or boolean under (a dotted name also as a
     * path into objects: ECS's {@code log.level}), noting a top-level name as used.
     */
    private static JsonNode field(JsonNode o, List<String> names, Set<String> used) {
        for (String name : names) {
            JsonNode v = o.get(name);
            if (v != null && v.isValueNode() && !v.isNull()) {
                used.add(name);
                return v;
            }
            JsonPointer path = v == null ? Mapper.PATHS.get(name) : null;
            if (path != null) {
                JsonNode nested = o.at(path);
                if (nested.isValueNode() && !nested.isNull()) return nested; // inside an object, which is no word anyway
            }
        }
        return null;
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

    private static String scalar(JsonNode v) {
        return v == null ? "" : v.asText();
    }

    /** A time written as text (any shape the parser knows) or as epoch seconds, millis, micros or nanos. */
    private static Optional<Instant> time(JsonNode v, TimestampParser times) {
        if (v == null) return Optional.empty();
        if (v.isNumber()) {
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

    /** A level word (normalised), or bunyan's and pino's numbers (10 trace … 60 fatal). */
    private static String level(JsonNode v) {
        if (v == null) return "";
        if (v.isNumber()) {
            int n = v.asInt();
            return n >= 60 ? "FATAL" : n >= 50 ? "ERROR" : n >= 40 ? "WARN" : n >= 30 ? "INFO" : n >= 20 ? "DEBUG" : "TRACE";
        }
        String w = v.asText().strip();
        String normal = Levels.normalize(w);
        return normal.isEmpty() && w.equalsIgnoreCase("dpanic") ? "FATAL" : normal;
    }
}
