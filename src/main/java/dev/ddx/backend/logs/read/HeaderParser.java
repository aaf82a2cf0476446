package dev.ddx.backend.logs.read;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads one line's header with a {@link HeaderSpec}; one instance per reading thread (it reuses its
 * matcher). {@link #scan} only finds where each field lies; the fields are cut from the line when
 * asked, so a reader that needs only some of them (the summary: time, level, content) cuts nothing.
 */
public final class HeaderParser {
    private final HeaderSpec spec;
    private final Matcher matcher;
    private final HeaderScanner scanner;
    /** The ends of headers this parser read lately, for the scanner's byte path; null without a scanner. */
    private final HeaderTails tails;
    private final int[] bounds;
    private final TimestampParser times;
    private final StringBuilder time = new StringBuilder();
    private final HeaderSpec.Role[] roles;
    private final boolean contentOnly;
    /** The only time field, level field and content field, or -1 when there are none or several. */
    private final int onlyTime;
    private final int onlyLevel;
    private final int onlyContent;
    /** The time zone field ({@link Zones}), or -1. */
    private final int zone;

    public HeaderParser(HeaderSpec spec, TimestampParser times) {
        this.spec = spec;
        this.matcher = spec.pattern().matcher("");
        this.scanner = spec.scanner();
        this.roles = spec.roles().toArray(new HeaderSpec.Role[0]);
        this.bounds = newBounds();
        this.times = times;
        this.contentOnly = spec.contentOnly();
        this.tails = scanner == null || contentOnly ? null : new HeaderTails(scanner.groups());
        this.onlyTime = only(HeaderSpec.Role.TIME);
        this.onlyLevel = only(HeaderSpec.Role.LEVEL);
        this.onlyContent = only(HeaderSpec.Role.CONTENT);
        this.zone = only(HeaderSpec.Role.ZONE);
    }

    private int only(HeaderSpec.Role role) {
        int found = -1;
        for (int g = 0; g < roles.length; g++) {
            if (roles[g] != role) continue;
            if (found >= 0) return -1;
            found = g;
        }
        return found;
    }

    public HeaderSpec spec() {
        return spec;
    }

    /** An array {@link #scan} can fill: start and end of each field. */
    public int[] newBounds() {
        return new int[2 * roles.length];
    }

    /**
     * Finds the header's fields in the line: start and end of each into {@code b} (-1 for an
     * optional field that took no part). False when the line does not have this header (a
     * continuation line). With a content-only spec the whole line is the content.
     */
    public boolean scan(String line, int[] b) {
        if (contentOnly) {
            b[0] = 0;
            b[1] = line.length();
            return true;
        }
        if (scanner != null) return scanner.scan(line, b);
        matcher.reset(line);
        if (!matcher.lookingAt()) return false;
        for (int g = 0; g < roles.length; g++) {
            b[2 * g] = matcher.start(g + 1);
            b[2 * g + 1] = matcher.end(g + 1);
        }
        return true;
    }

    /**
     * {@link #scan(String, int[])} of a line whose bytes {@code bytes} also holds when it is ASCII
     * (null otherwise; see {@link AsciiBytes}): the hand-written scanner then reads the bytes.
     */
    public boolean scan(String line, byte[] bytes, int[] b) {
        return bytes != null && scanner != null && !contentOnly ? scanner.scan(bytes, line.length(), b, tails) : scan(line, b);
    }

    /** The header of the line, or null when the line does not have this header (a continuation line). */
    public ParsedHeader parse(String line) {
        return scan(line, bounds) ? fields(line, bounds) : null;
    }

    /** All fields of a header {@link #scan} found. */
    public ParsedHeader fields(String line, int[] b) {
        String thread = "";
        String pid = "";
        String component = "";
        for (int g = 0; g < roles.length; g++) {
            HeaderSpec.Role role = roles[g];
            if (b[2 * g] < 0 || (role != HeaderSpec.Role.THREAD && role != HeaderSpec.Role.PID && role != HeaderSpec.Role.COMPONENT)) {
                continue;
            }
            String v = trimmed(line, b[2 * g], b[2 * g + 1]);
            switch (role) {
                case THREAD -> thread = thread.isEmpty() ? v : thread;
                case PID -> pid = pid.isEmpty() ? v : pid;
                default -> component = component.isEmpty() ? v : component;
            }
        }
        return new ParsedHeader(time(line, b), level(line, b), thread.isEmpty() ? pid : thread, component,
                line.substring(contentStart(b), contentEnd(b)));
    }

    private static String trimmed(String line, int from, int to) {
        while (from < to && line.charAt(from) <= ' ') from++;
        while (to > from && line.charAt(to - 1) <= ' ') to--;
        return line.substring(from, to);
    }

    /** Where the content (the last content field) starts; with {@link #contentEnd} empty when there is none. */
    public int contentStart(int[] b) {
        int g = contentGroup(b);
        return g < 0 ? 0 : b[2 * g];
    }

    public int contentEnd(int[] b) {
        int g = contentGroup(b);
        return g < 0 ? 0 : b[2 * g + 1];
    }

    private int contentGroup(int[] b) {
        return lastPresent(HeaderSpec.Role.CONTENT, onlyContent, b);
    }

    /** The last field of the role that took part in the match, or -1; {@code only} is the role's single field, if it has one. */
    private int lastPresent(HeaderSpec.Role role, int only, int[] b) {
        if (only >= 0) return b[2 * only] >= 0 ? only : -1;
        for (int g = roles.length - 1; g >= 0; g--) if (roles[g] == role && b[2 * g] >= 0) return g;
        return -1;
    }

    /** The normalised level (the last level field), read in place; empty when there is none. */
    public String level(String line, int[] b) {
        return level(line, null, b);
    }

    /**
     * {@link #level(String, int[])} of a line whose bytes {@code bytes} also holds when it is ASCII
     * (null otherwise): one of the six names in upper case is then recognised on the bytes.
     */
    public String level(String line, byte[] bytes, int[] b) {
        int g = lastPresent(HeaderSpec.Role.LEVEL, onlyLevel, b);
        if (g < 0) return "";
        int from = b[2 * g];
        int to = b[2 * g + 1];
        while (from < to && line.charAt(from) <= ' ') from++;
        while (to > from && line.charAt(to - 1) <= ' ') to--;
        String name = bytes == null ? null : Levels.upperCase(bytes, from, to);
        return name != null ? name : Levels.normalize(line, from, to);
    }

    /**
     * Whether the line's level field (found by {@link #scan}) is one of PostgreSQL's words for the
     * lines that go with an error ({@code STATEMENT:}, {@code DETAIL:}, {@code HINT:}, …): part of
     * the event before it.
     */
    public boolean isDetail(String line, int[] b) {
        int g = lastPresent(HeaderSpec.Role.LEVEL, onlyLevel, b);
        if (g < 0) return false;
        String word = line.substring(b[2 * g], b[2 * g + 1]).strip();
        return DETAILS.contains(word);
    }

    /** Where the line's level field starts (found by {@link #scan}), or its content when it has none. */
    public int levelStart(int[] b) {
        int g = lastPresent(HeaderSpec.Role.LEVEL, onlyLevel, b);
        return g < 0 ? contentStart(b) : b[2 * g];
    }

    /** PostgreSQL's words for the lines that go with an error, where a level stands (a header is found with them as its level field). */
    static final java.util.Set<String> DETAILS = java.util.Set.of("STATEMENT", "DETAIL", "HINT", "CONTEXT", "QUERY", "LOCATION");

    /** The time the header's time fields make (joined with spaces when there are several), or empty. */
    public Optional<Instant> time(String line, int[] b) {
        return time(line, null, b);
    }

    /** {@link #time(String, int[])} of a line whose bytes {@code bytes} also holds when it is ASCII (null otherwise). */
    public Optional<Instant> time(String line, byte[] bytes, int[] b) {
        if (zone < 0) return localTime(line, bytes, b);
        Optional<Instant> t = localTime(line, bytes, b);
        int offset = t.isEmpty() || b[2 * zone] < 0 ? Zones.NONE : Zones.offset(line, b[2 * zone], b[2 * zone + 1]);
        return offset == Zones.NONE ? t : Optional.of(t.get().minusSeconds(offset));
    }

    /** The time of the time fields alone, read as UTC unless they say their offset. */
    private Optional<Instant> localTime(String line, byte[] bytes, int[] b) {
        if (onlyTime >= 0) return b[2 * onlyTime] < 0 ? Optional.empty() : times.parse(line, bytes, b[2 * onlyTime], b[2 * onlyTime + 1]);
        int present = 0;
        int only = -1;
        for (int g = 0; g < roles.length; g++) {
            if (roles[g] == HeaderSpec.Role.TIME && b[2 * g] >= 0 && present++ == 0) only = g;
        }
        if (present == 0) return Optional.empty();
        if (present == 1) return times.parse(line, b[2 * only], b[2 * only + 1]);
        time.setLength(0);
        String firstTime = null;
        for (int g = 0; g < roles.length; g++) {
            if (roles[g] != HeaderSpec.Role.TIME || b[2 * g] < 0) continue;
            String v = line.substring(b[2 * g], b[2 * g + 1]);
            if (time.length() > 0) time.append(' ');
            time.append(v);
            if (firstTime == null) firstTime = v;
        }
        if (time.length() == 0) return Optional.empty();
        if (firstTime.length() == time.length()) return times.parse(firstTime);
        Optional<Instant> t = times.parse(time.toString());
        if (t.isEmpty() && firstTime.length() < time.length()) t = times.parse(firstTime);
        return t;
    }
}
