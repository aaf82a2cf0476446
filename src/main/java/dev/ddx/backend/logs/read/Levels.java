package dev.ddx.backend.logs.read;

import java.util.Locale;
import java.util.Map;

/** The level words logs use, and the six ddx normalises them to (FATAL, ERROR, WARN, INFO, DEBUG, TRACE). */
public final class Levels {
    private static final Map<String, String> NORMAL = Map.ofEntries(
            Map.entry("FATAL", "FATAL"), Map.entry("CRITICAL", "FATAL"), Map.entry("CRIT", "FATAL"),
            Map.entry("EMERG", "FATAL"), Map.entry("ALERT", "FATAL"), Map.entry("PANIC", "FATAL"),
            Map.entry("ERROR", "ERROR"), Map.entry("ERR", "ERROR"), Map.entry("SEVERE", "ERROR"),
            Map.entry("FAILURE", "ERROR"),
            Map.entry("WARN", "WARN"), Map.entry("WARNING", "WARN"),
            Map.entry("INFO", "INFO"), Map.entry("NOTICE", "INFO"), Map.entry("CONFIG", "INFO"),
            Map.entry("INFORMATION", "INFO"),
            // PostgreSQL's LOG and DEBUG1 to DEBUG5, MySQL's [Note] and [System]
            Map.entry("LOG", "INFO"), Map.entry("NOTE", "INFO"), Map.entry("SYSTEM", "INFO"),
            Map.entry("DEBUG1", "DEBUG"), Map.entry("DEBUG2", "DEBUG"), Map.entry("DEBUG3", "DEBUG"), Map.entry("DEBUG4", "DEBUG"),
            Map.entry("DEBUG5", "DEBUG"),
            Map.entry("DEBUG", "DEBUG"), Map.entry("FINE", "DEBUG"),
            Map.entry("TRACE", "TRACE"), Map.entry("FINER", "TRACE"), Map.entry("FINEST", "TRACE"),
            Map.entry("VERBOSE", "TRACE"),
            // the letters of glog, klog and Android's logcat: levels only where a header has them (see HeaderDetector#signature)
            Map.entry("F", "FATAL"), Map.entry("E", "ERROR"), Map.entry("W", "WARN"), Map.entry("I", "INFO"),
            Map.entry("D", "DEBUG"), Map.entry("V", "TRACE"));

    /** The normalised levels by {@link #rank}: {@code NAMES.get(rank(l)).equals(l)}; index 0 is no level. */
    public static final java.util.List<String> NAMES = java.util.List.of("", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

    private Levels() {
    }

    /** The normalised level of a word (any case), or empty when it is no level word. */
    public static String normalize(String word) {
        return word == null ? "" : normalize(word, 0, word.length());
    }

    /** The normalised level of {@code text[from, to)}; the six themselves are recognised in place. */
    public static String normalize(String text, int from, int to) {
        int n = to - from;
        if (n <= 0 || n > 11) return "";
        if (n == 1) {
            String sign = redis(text.charAt(from));
            if (sign != null) return sign;
        }
        if (n == 4 || n == 5) {
            String name = upperCaseName(text.charAt(from));
            if (name.length() == n && text.regionMatches(from, name, 0, n)) return name;
        }
        String word = text.substring(from, to);
        String normal = NORMAL.get(word);
        if (normal == null) normal = NORMAL.get(word.toUpperCase(Locale.ROOT));
        return normal == null ? "" : normal;
    }

    /**
     * Redis's signs for its levels: {@code #} warning, {@code *} notice, {@code -} verbose and
     * {@code .} debug (a header finds them only in Redis's own: see HeaderDetector), or null.
     */
    private static String redis(char c) {
        return switch (c) {
            case '#' -> "WARN";
            case '*' -> "INFO";
            case '-', '.' -> "DEBUG";
            default -> null;
        };
    }

    /** The one of the six upper-case names that starts with c, or empty. */
    private static String upperCaseName(int c) {
        return switch (c) {
            case 'I' -> "INFO";
            case 'W' -> "WARN";
            case 'E' -> "ERROR";
            case 'D' -> "DEBUG";
            case 'T' -> "TRACE";
            case 'F' -> "FATAL";
            default -> "";
        };
    }

    /**
     * The level when the ASCII bytes {@code b[from, to)} are one of the six in upper case (as
     * {@link #normalize(String, int, int)} gives it), else null: the other words need
     * {@link #normalize(String, int, int)}.
     */
    static String upperCase(byte[] b, int from, int to) {
        int n = to - from;
        if (n != 4 && n != 5) return null;
        String name = upperCaseName(b[from]);
        if (name.length() != n) return null;
        for (int k = 1; k < n; k++) if (b[from + k] != name.charAt(k)) return null;
        return name;
    }

    /** Normalised levels worst first (FATAL … TRACE), then other words by name, and no level last. */
    public static final java.util.Comparator<String> WORST_FIRST =
            java.util.Comparator.comparingInt((String l) -> -rank(l)).thenComparing(l -> l);

    /** Whether a level is WARN or worse. */
    public static boolean isProblem(String normalized) {
        return switch (normalized) {
            case "WARN", "ERROR", "FATAL" -> true;
            default -> false;
        };
    }

    /**
     * Where a normalised level stands in {@link #NAMES} (its {@link #rank}, 0 for no level), or -1
     * for another word: the index of per-level counts kept in arrays.
     */
    public static int nameIndex(String level) {
        int r = rank(level);
        return r > 0 || level.isEmpty() ? r : -1;
    }

    /** Severity rank, higher is worse; 0 for unknown. */
    public static int rank(String normalized) {
        return switch (normalized) {
            case "TRACE" -> 1;
            case "DEBUG" -> 2;
            case "INFO" -> 3;
            case "WARN" -> 4;
            case "ERROR" -> 5;
            case "FATAL" -> 6;
            default -> 0;
        };
    }
}
