package dev.ddx.backend.logs.read;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/** Reads one line's header with a {@link HeaderSpec}; one instance per reading thread (it reuses its matcher). */
public final class HeaderParser {
    private final HeaderSpec spec;
    private final List<HeaderSpec.Role> roles;
    private final Matcher matcher;
    private final HeaderScanner scanner;
    private final int[] bounds;
    private final TimestampParser times;
    private final StringBuilder time = new StringBuilder();

    public HeaderParser(HeaderSpec spec, TimestampParser times) {
        this.spec = spec;
        this.roles = spec.roles();
        this.matcher = spec.pattern().matcher("");
        this.scanner = spec.scanner();
        this.bounds = new int[2 * roles.size()];
        this.times = times;
    }

    public HeaderSpec spec() {
        return spec;
    }

    /** The header of the line, or null when the line does not have this header (a continuation line). */
    public ParsedHeader parse(String line) {
        if (spec.contentOnly()) return new ParsedHeader(Optional.empty(), "", "", "", line);
        boolean scanned = scanner != null;
        if (scanned) {
            if (!scanner.scan(line, bounds)) return null;
        } else {
            matcher.reset(line);
            if (!matcher.lookingAt()) return null;
        }
        time.setLength(0);
        String level = "";
        String thread = "";
        String pid = "";
        String component = "";
        String content = "";
        String firstTime = null;
        for (int g = 0; g < roles.size(); g++) {
            String v = scanned ? group(line, g) : matcher.group(g + 1);
            if (v == null) continue;
            switch (roles.get(g)) {
                case TIME -> {
                    if (time.length() > 0) time.append(' ');
                    time.append(v);
                    if (firstTime == null) firstTime = v;
                }
                case LEVEL -> level = Levels.normalize(v.trim());
                case THREAD -> thread = thread.isEmpty() ? v.trim() : thread;
                case PID -> pid = pid.isEmpty() ? v.trim() : pid;
                case COMPONENT -> component = component.isEmpty() ? v.trim() : component;
                case CONTENT -> content = v;
                default -> { }
            }
        }
        return new ParsedHeader(time(firstTime), level, thread.isEmpty() ? pid : thread, component, content);
    }

    private String group(String line, int g) {
        int start = bounds[2 * g];
        return start < 0 ? null : line.substring(start, bounds[2 * g + 1]);
    }

    private Optional<Instant> time(String firstTime) {
        if (time.length() == 0) return Optional.empty();
        if (firstTime != null && firstTime.length() == time.length()) return times.parse(firstTime);
        Optional<Instant> t = times.parse(time.toString());
        if (t.isEmpty() && firstTime != null && firstTime.length() < time.length()) t = times.parse(firstTime);
        return t;
    }
}
