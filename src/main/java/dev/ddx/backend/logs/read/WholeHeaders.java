package dev.ddx.backend.logs.read;

import java.util.List;
import java.util.regex.Pattern;

/** The headers read whole by an expression of their own (see {@link HeaderDetector}): Ruby's Logger's and Redis's. */
final class WholeHeaders {
    /**
     * Ruby's Logger: the level's letter, the time and process id in brackets, the level, then
     * {@code --}, the program's name (often none) and a colon.
     */
    private static final String RUBY = "[DIWEFAU], \\[(\\d{4}-\\d{2}-\\d{2}T[\\d:.]+) #(\\d+)\\]\\s+([A-Za-z]+) -- (\\S*?):";
    private static final Pattern RUBY_HEADER = Pattern.compile(RUBY + " ");

    /**
     * Redis's: the process id, a colon and its role's letter (X sentinel, C a child writing the data
     * to disk, S replica, M master), the time, and the level's sign ({@code .} debug, {@code -}
     * verbose, {@code *} notice, {@code #} warning: see {@link Levels}).
     */
    private static final String REDIS = "(\\d+):([XCSM])\\s+("
            + HeaderDetector.nonCapturing(TimestampParser.Shape.DAY_MONTH_YEAR.regex()) + ")\\s+([-.*#])";
    private static final Pattern REDIS_HEADER = Pattern.compile(REDIS + " ");

    private WholeHeaders() {
    }

    /** The whole header the line starts with ({@code RUBY} or {@code REDIS}), or null. */
    static HeaderDetector.Kind of(String line) {
        if (RUBY_HEADER.matcher(line).lookingAt()) return HeaderDetector.Kind.RUBY;
        if (REDIS_HEADER.matcher(line).lookingAt()) return HeaderDetector.Kind.REDIS;
        return null;
    }

    /** Appends the header's expression, the roles of its groups and the header as shown (in logpai notation). */
    static void build(HeaderDetector.Kind kind, StringBuilder regex, List<HeaderSpec.Role> roles, StringBuilder shown) {
        if (kind == HeaderDetector.Kind.RUBY) {
            regex.append(RUBY);
            roles.addAll(List.of(HeaderSpec.Role.TIME, HeaderSpec.Role.PID, HeaderSpec.Role.LEVEL, HeaderSpec.Role.COMPONENT));
            shown.append("<Letter>, [<Timestamp> #<Pid>] <Level> -- <Component>:");
        } else {
            regex.append(REDIS);
            roles.addAll(List.of(HeaderSpec.Role.PID, HeaderSpec.Role.THREAD, HeaderSpec.Role.TIME, HeaderSpec.Role.LEVEL));
            shown.append("<Pid>:<Thread> <Timestamp> <Level>");
        }
    }
}
