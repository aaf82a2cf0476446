package dev.ddx.backend.logs.read;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a container runtime wraps around each line a program wrote: Kubernetes' CRI format
 * ({@code 2024-03-01T10:00:00.123456789Z stdout F <line>}, as under {@code /var/log/containers/})
 * and Docker's json-file ({@code {"log":"<line>\n","stream":"stdout","time":"…"}}). The line inside
 * is read as a log of its own, with its own header, and the runtime's time stands in where it has
 * none. A line the runtime wrote in parts (CRI's {@code P}, a json-file {@code log} without its
 * newline) is joined with the parts after it.
 */
public enum Envelope {
    NONE, CRI, DOCKER;

    private static final Pattern CRI_LINE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\S+) (stdout|stderr) ([FP]) ?(.*)", Pattern.DOTALL);

    /** A line taken out of its envelope: the program's text, the runtime's time, and whether more parts follow. */
    record Inner(String text, Optional<Instant> time, boolean partial) {
    }

    /** The envelope most of the sample's lines are in (NONE unless more than half are). */
    static Envelope detect(List<String> sample) {
        int lines = 0;
        int cri = 0;
        int docker = 0;
        for (String s : sample) {
            if (s.isBlank()) continue;
            lines++;
            if (CRI_LINE.matcher(s).matches()) cri++;
            else if (s.startsWith("{\"log\":") && docker(JsonLines.flat(s)) != null) docker++;
        }
        if (lines == 0) return NONE;
        return cri * 2 > lines ? CRI : docker * 2 > lines ? DOCKER : NONE;
    }

    /** The line taken out of this envelope, or null when it is not in it (it is then read as it is). */
    Inner open(String line, TimestampParser times) {
        return open(line, null, null, times);
    }

    /**
     * {@link #open(String, TimestampParser)} of a line whose bytes {@code bytes} also holds when it is
     * ASCII (null otherwise): a json-file record is then read from them by {@code reader}.
     */
    Inner open(String line, byte[] bytes, JsonBytes reader, TimestampParser times) {
        switch (this) {
            case CRI -> {
                Matcher m = CRI_LINE.matcher(line);
                if (!m.matches()) return null;
                return new Inner(m.group(4), times.parse(m.group(1)), m.group(3).equals("P"));
            }
            case DOCKER -> {
                FlatJson o = line.startsWith("{") ? docker(JsonLines.flat(line, bytes, reader)) : null;
                if (o == null) return null;
                String text = o.top.get("log").text();
                boolean whole = text.endsWith("\n");
                text = whole ? text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1)) : text;
                FlatJson.Value time = o.top.get("time");
                return new Inner(text, time == null ? Optional.empty() : times.parse(time.asText()), !whole);
            }
            default -> {
                return null;
            }
        }
    }

    /** The line's object when it is a json-file record (a text {@code log}, and {@code stream} or {@code time}); else null. */
    private static FlatJson docker(FlatJson o) {
        if (o == null) return null;
        FlatJson.Value log = o.top.get("log");
        return log != null && log.kind() == FlatJson.Kind.STRING && (o.top.containsKey("stream") || o.top.containsKey("time")) ? o : null;
    }
}
