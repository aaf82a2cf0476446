package dev.ddx.backend.logs.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The shape of a log line's header, in logpai notation ({@code <Date> <Time> <Level> <Component>: <Content>})
 * or as detected from a file. Fields are named in angle brackets; text between them is matched
 * literally, except that a run of spaces matches any run of whitespace, a backslash escapes the
 * next character, and {@code (…)?} makes a part optional (as in logpai's
 * {@code <Component>(\[<PID>\])?: <Content>}). Field names say what a field is:
 * Date/Time/Timestamp/Month/Day/Year make the time; Level; Thread/Process/Tid/Pid the thread;
 * Component/Logger/Class/Module the component; Content/Message the message. A spec needs a Content field.
 */
public final class HeaderSpec {
    /** What a header field contributes to an event; ZONE is the time zone of the TIME fields ({@link Zones}). */
    public enum Role { TIME, ZONE, LEVEL, THREAD, PID, COMPONENT, CONTENT, OTHER }

    private final String text;
    private final Pattern pattern;
    private final List<Role> roles;
    private final HeaderScanner scanner;
    /** What each line is wrapped in (its header is then the header of the line inside). */
    private final Envelope envelope;
    /** How each line is read: by this header (TEXT), or as a record of a kind with a reader of its own. */
    enum Records { TEXT, JSON, LOGFMT, ACCESS }

    private final Records records;
    /** Whether lines with PostgreSQL's detail words where the level stands go with the event before them ({@link HeaderParser#isDetail}). */
    private final boolean details;

    HeaderSpec(String text, Pattern pattern, List<Role> roles) {
        this(text, pattern, roles, null);
    }

    HeaderSpec(String text, Pattern pattern, List<Role> roles, HeaderScanner scanner) {
        this(text, pattern, roles, scanner, Envelope.NONE, Records.TEXT, false);
    }

    private HeaderSpec(String text, Pattern pattern, List<Role> roles, HeaderScanner scanner, Envelope envelope, Records records,
                       boolean details) {
        this.text = text;
        this.pattern = pattern;
        this.roles = List.copyOf(roles);
        this.scanner = scanner != null && scanner.groups() == roles.size() ? scanner : null;
        this.envelope = envelope;
        this.records = records;
        this.details = details;
    }

    /** This header, of lines wrapped in {@code e} (a container runtime's). */
    public HeaderSpec in(Envelope e) {
        return new HeaderSpec(text, pattern, roles, scanner, e, records, details);
    }

    /** This header, of a log with PostgreSQL's detail lines, which go with the event before them. */
    HeaderSpec withDetails() {
        return new HeaderSpec(text, pattern, roles, scanner, envelope, records, true);
    }

    /** Whether detail lines go with the event before them ({@link #withDetails()}). */
    boolean details() {
        return details;
    }

    /** What each line is wrapped in: {@link Envelope#NONE} but for a container runtime's log. */
    public Envelope envelope() {
        return envelope;
    }

    /** The hand-written reader of this header, when it has one (null: use {@link #pattern()}). */
    HeaderScanner scanner() {
        return scanner;
    }

    /** The spec as written, or as detected (for showing to the user); after the envelope's name when lines are wrapped. */
    public String text() {
        return envelope == Envelope.NONE ? text : envelope.name().toLowerCase(java.util.Locale.ROOT) + ": " + text;
    }

    public Pattern pattern() {
        return pattern;
    }

    List<Role> roles() {
        return roles;
    }

    /** Whether this spec has no header at all: every line is content. */
    public boolean contentOnly() {
        return roles.size() == 1 && roles.get(0) == Role.CONTENT;
    }

    /** A spec whose whole line is the content. */
    public static HeaderSpec none() {
        return new HeaderSpec("<Content>", Pattern.compile("(.*)", Pattern.DOTALL), List.of(Role.CONTENT));
    }

    /** What {@link #json()} is called, and how a user asks for it. */
    public static final String JSON = "json";
    /** What {@link #logfmt()} is called, and how a user asks for it. */
    public static final String LOGFMT = "logfmt";
    /** What {@link #access()} is called, and how a user asks for it. */
    public static final String ACCESS = "access";

    /**
     * The spec of a structured log, one JSON object per line: each line's fields are found by name
     * (see {@link JsonLines}), and what is left is content. Asked for as {@code --header json}.
     */
    public static HeaderSpec json() {
        return records(JSON, Records.JSON);
    }

    /** The spec of a log in logfmt, {@code key=value} pairs per line, read as JSON objects are (see {@link LogfmtLines}). */
    public static HeaderSpec logfmt() {
        return records(LOGFMT, Records.LOGFMT);
    }

    /**
     * The spec of a web server's access log (Common or Combined Log Format): each line's time, status
     * and request are read by {@link AccessLines}. Asked for as {@code --header access}.
     */
    public static HeaderSpec access() {
        return records(ACCESS, Records.ACCESS);
    }

    private static HeaderSpec records(String name, Records records) {
        return new HeaderSpec(name, Pattern.compile("(.*)", Pattern.DOTALL), List.of(Role.CONTENT), null, Envelope.NONE, records, false);
    }

    /** How each line is read. */
    Records records() {
        return records;
    }

    /** Whether lines are JSON objects ({@link #json()}). */
    public boolean isJson() {
        return records == Records.JSON;
    }

    /**
     * Reads a spec in logpai notation.
     *
     * @throws IllegalArgumentException with a one-line reason when the spec cannot be used
     */
    public static HeaderSpec parse(String spec) {
        if (spec.strip().equalsIgnoreCase(JSON)) return json();
        if (spec.strip().equalsIgnoreCase(LOGFMT)) return logfmt();
        if (spec.strip().equalsIgnoreCase(ACCESS)) return access();
        StringBuilder regex = new StringBuilder("^");
        List<Role> roles = new ArrayList<>();
        java.util.Set<Integer> optionalCloses = new java.util.HashSet<>();
        Matcher field = Pattern.compile("<(\\w+)>").matcher(spec);
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '<' && field.find(i) && field.start() == i) {
                Role role = roleOf(field.group(1));
                regex.append(role == Role.CONTENT ? "(.*)" : WHOLE_TIME.contains(field.group(1).toLowerCase(Locale.ROOT)) ? TIMESTAMP : "(.*?)");
                roles.add(role);
                i = field.end() - 1;
            } else if (c == '\\' && i + 1 < spec.length()) {
                regex.append(Pattern.quote(String.valueOf(spec.charAt(++i))));
            } else if (Character.isWhitespace(c)) {
                while (i + 1 < spec.length() && Character.isWhitespace(spec.charAt(i + 1))) i++;
                regex.append("\\s+");
            } else if (c == '(' && optionalClose(spec, i) > 0) {
                optionalCloses.add(optionalClose(spec, i));
                regex.append("(?:");
            } else if (c == ')' && optionalCloses.contains(i)) {
                regex.append(")?");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        regex.append('$');
        if (!roles.contains(Role.CONTENT)) {
            throw new IllegalArgumentException("header spec has no <Content> field: " + spec);
        }
        try {
            return new HeaderSpec(spec, Pattern.compile(regex.toString(), Pattern.DOTALL), roles);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("header spec cannot be read: " + spec);
        }
    }

    /** The index of the ')' matching the '(' at i when it is followed by '?' (a logpai optional part), else -1. */
    private static int optionalClose(String spec, int open) {
        int depth = 0;
        for (int i = open; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1 < spec.length() && spec.charAt(i + 1) == '?' ? i : -1;
            }
        }
        return -1;
    }

    /**
     * The fields that hold a whole time, which may have spaces in it ({@code 2024-03-01 10:00:00}):
     * one of the shapes {@link TimestampParser} knows where one stands, else as short as a field can
     * be, as any other; a header ddx shows can so be given back.
     */
    private static final java.util.Set<String> WHOLE_TIME = java.util.Set.of("timestamp", "datetime");
    private static final String TIMESTAMP = "((?:" + java.util.Arrays.stream(TimestampParser.Shape.values())
            .map(sh -> HeaderDetector.nonCapturing(sh.regex())).collect(java.util.stream.Collectors.joining("|")) + ")|.*?)";

    static Role roleOf(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "date", "time", "timestamp", "month", "day", "year", "datetime" -> Role.TIME;
            case "zone", "timezone", "tz" -> Role.ZONE;
            case "level", "severity", "loglevel" -> Role.LEVEL;
            case "thread", "process", "tid", "threadname" -> Role.THREAD;
            case "pid" -> Role.PID;
            case "component", "logger", "class", "module", "category", "source" -> Role.COMPONENT;
            case "content", "message", "msg" -> Role.CONTENT;
            default -> Role.OTHER;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
