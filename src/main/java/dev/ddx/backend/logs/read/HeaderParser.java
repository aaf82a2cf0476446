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
    private final HeaderSpec.Role[] roleArray;
    private final boolean contentOnly;

    public HeaderParser(HeaderSpec spec, TimestampParser times) {
        this.spec = spec;
        this.roles = spec.roles();
        this.matcher = spec.pattern().matcher("");
        this.scanner = spec.scanner();
        this.bounds = new int[2 * roles.size()];
        this.times = times;
        this.roleArray = roles.toArray(new HeaderSpec.Role[0]);
        this.contentOnly = spec.contentOnly();
    }

    public HeaderSpec spec() {
        return spec;
    }

    /** The header of the line, or null when the line does not have this header (a continuation line). */
    public ParsedHeader parse(String line) {
        if (contentOnly) return new ParsedHeader(Optional.empty(), "", "", "", line);
        if (scanner != null) return scanned(line);
        matcher.reset(line);
        if (!matcher.lookingAt()) return null;
        time.setLength(0);
        String level = "";
        String thread = "";
        String pid = "";
        String component = "";
        String content = "";
        String firstTime = null;
        for (int g = 0; g < roles.size(); g++) {
            String v = matcher.group(g + 1);
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

    /**
     * The hand-read header: the per-line hot path, so fields are cut from the line once, already
     * trimmed, and a single time field is read in place.
     */
    private ParsedHeader scanned(String line) {
        if (!scanner.scan(line, bounds)) return null;
        String level = "";
        String thread = "";
        String pid = "";
        String component = "";
        String content = "";
        int timeGroups = 0;
        int timeGroup = -1;
        for (int g = 0; g < roleArray.length; g++) {
            int from = bounds[2 * g];
            if (from < 0) continue;
            int to = bounds[2 * g + 1];
            HeaderSpec.Role role = roleArray[g];
            if (role == HeaderSpec.Role.CONTENT) {
                content = line.substring(from, to);
                continue;
            }
            if (role == HeaderSpec.Role.TIME) {
                if (timeGroups++ == 0) timeGroup = g;
                continue;
            }
            while (from < to && line.charAt(from) <= ' ') from++;
            while (to > from && line.charAt(to - 1) <= ' ') to--;
            switch (role) {
                case LEVEL -> level = Levels.normalize(line, from, to);
                case THREAD -> thread = thread.isEmpty() ? line.substring(from, to) : thread;
                case PID -> pid = pid.isEmpty() ? line.substring(from, to) : pid;
                case COMPONENT -> component = component.isEmpty() ? line.substring(from, to) : component;
                default -> { }
            }
        }
        Optional<Instant> t;
        if (timeGroups == 1) {
            t = times.parse(line, bounds[2 * timeGroup], bounds[2 * timeGroup + 1]);
        } else {
            time.setLength(0);
            String firstTime = null;
            for (int g = 0; g < roleArray.length; g++) {
                if (roleArray[g] != HeaderSpec.Role.TIME || bounds[2 * g] < 0) continue;
                String v = line.substring(bounds[2 * g], bounds[2 * g + 1]);
                if (time.length() > 0) time.append(' ');
                time.append(v);
                if (firstTime == null) firstTime = v;
            }
            t = time(firstTime);
        }
        return new ParsedHeader(t, level, thread.isEmpty() ? pid : thread, component, content);
    }

    private Optional<Instant> time(String firstTime) {
        if (time.length() == 0) return Optional.empty();
        if (firstTime != null && firstTime.length() == time.length()) return times.parse(firstTime);
        Optional<Instant> t = times.parse(time.toString());
        if (t.isEmpty() && firstTime != null && firstTime.length() < time.length()) t = times.parse(firstTime);
        return t;
    }
}
