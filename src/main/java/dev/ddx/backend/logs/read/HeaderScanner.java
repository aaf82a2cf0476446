package dev.ddx.backend.logs.read;

import java.util.List;

/**
 * A detected header read by hand instead of by its regular expression: the per-line hot path.
 * Built from a {@link HeaderDetector} signature only when every part of it can be matched
 * without backtracking (ISO timestamps, levels, threads, numbers, words, separators, and a
 * {@code logger:} component as the last part); otherwise {@link #of} gives null and the
 * regular expression is used. Where it applies it finds exactly the groups the expression
 * would ({@code HeaderScannerTest} compares both on every sample line). An ASCII line can also be
 * read from its bytes, a word at a time where a part allows it, with the same result.
 */
final class HeaderScanner {
    private final HeaderDetector.Element[] parts;
    /** What part k is, as one of the {@code OP_} codes: the per-line loop switches on these. */
    private final int[] ops;
    /** Whether part k is in brackets that {@link #scan} reads (all but levels, which read their own). */
    private final boolean[] brackets;
    private final int groups;

    private static final int OP_ISO = 0;
    private static final int OP_ISO_T = 1;
    private static final int OP_LEVEL = 2;
    private static final int OP_THREAD = 3;
    private static final int OP_NUMBER = 4;
    private static final int OP_WORD = 5;
    private static final int OP_BRACKETED_WORD = 6;
    private static final int OP_SEPARATOR = 7;
    private static final int OP_COMPONENT = 8;
    private static final int OP_DASH_COMPONENT = 9;

    private HeaderScanner(List<HeaderDetector.Element> parts, int groups) {
        this.parts = parts.toArray(new HeaderDetector.Element[0]);
        this.ops = new int[this.parts.length];
        this.brackets = new boolean[this.parts.length];
        for (int k = 0; k < this.parts.length; k++) {
            HeaderDetector.Element e = this.parts[k];
            ops[k] = switch (e.kind()) {
                case TIME -> e.shape() == TimestampParser.Shape.ISO_T ? OP_ISO_T : OP_ISO;
                case LEVEL -> OP_LEVEL;
                case THREAD -> OP_THREAD;
                case NUMBER -> OP_NUMBER;
                case WORD -> e.bracketed() ? OP_BRACKETED_WORD : OP_WORD;
                case ZONE -> OP_WORD;
                case SEPARATOR -> OP_SEPARATOR;
                case COMPONENT -> OP_COMPONENT;
                case DASH_COMPONENT -> OP_DASH_COMPONENT;
                case GLOG, GLOG_SOURCE, PROGRAM, RUBY, REDIS -> throw new IllegalArgumentException("no scanner for " + e);
            };
            brackets[k] = (e.bracketed() || e.kind() == HeaderDetector.Kind.THREAD) && e.kind() != HeaderDetector.Kind.LEVEL;
        }
        this.groups = groups;
    }

    /** A scanner for the signature, or null when some part of it needs the regular expression. */
    static HeaderScanner of(List<HeaderDetector.Element> sig) {
        int groups = 1;
        for (int k = 0; k < sig.size(); k++) {
            HeaderDetector.Element e = sig.get(k);
            switch (e.kind()) {
                case TIME -> {
                    if (e.shape() != TimestampParser.Shape.ISO && e.shape() != TimestampParser.Shape.ISO_T) return null;
                    if (e.literal() != null) return null; // a colon after it: read by the expression
                    groups++;
                }
                case COMPONENT -> {
                    if (k != sig.size() - 1) return null; // an earlier ':' could then be tried: leave it to the expression
                    groups += 2;
                }
                case SEPARATOR -> {
                    if (e.literal() == null || e.literal().isEmpty()) return null;
                }
                case DASH_COMPONENT -> {
                    if (e.literal() == null || e.literal().isEmpty()) return null;
                    groups++;
                }
                case GLOG, GLOG_SOURCE, PROGRAM, RUBY, REDIS -> {
                    return null; // glog's, klog's, Ruby's and Redis's headers, and a program's name before the time, are read by the expression
                }
                default -> groups++;
            }
        }
        return new HeaderScanner(List.copyOf(sig), groups);
    }

    /** How many groups {@link #scan} fills (as many as the expression has). */
    int groups() {
        return groups;
    }

    /**
     * Matches the line; on a match fills {@code bounds} with start and end of each group
     * (-1, -1 for an optional group that took no part) and returns true.
     */
    boolean scan(String s, int[] bounds) {
        int i = 0;
        int g = 0;
        int n = s.length();
        int[] ops = this.ops;
        for (int k = 0; k < ops.length; k++) {
            if (k > 0) {
                if (i >= n || !space(s.charAt(i))) return false;
                i = spaces(s, i + 1);
            }
            boolean br = brackets[k];
            if (br) {
                if (i >= n || s.charAt(i) != '[') return false;
                i++;
            }
            int start = i;
            switch (ops[k]) {
                case OP_ISO, OP_ISO_T -> {
                    i = iso(s, i, ops[k] == OP_ISO_T);
                    if (i < 0) return false;
                    set(bounds, g++, start, i);
                }
                case OP_LEVEL -> {
                    i = level(s, i, parts[k], bounds, g++);
                    if (i < 0) return false;
                }
                case OP_THREAD -> set(bounds, g++, start, i = thread(s, i));
                case OP_NUMBER, OP_WORD -> {
                    i = ops[k] == OP_NUMBER ? digitRun(s, i) : nonSpaceRun(s, i);
                    if (i < 0) return false;
                    set(bounds, g++, start, i);
                }
                case OP_BRACKETED_WORD -> set(bounds, g++, start, i = upTo(s, i, ']'));
                case OP_SEPARATOR -> {
                    String literal = parts[k].literal();
                    if (!s.startsWith(literal, i)) return false;
                    i += literal.length();
                }
                case OP_COMPONENT -> {
                    i = component(s, i, bounds, g);
                    if (i < 0) return false;
                    g += 2;
                }
                default -> { // OP_DASH_COMPONENT
                    i = dashComponent(s, i, parts[k].literal(), bounds, g++);
                    if (i < 0) return false;
                }
            }
            if (br) {
                if (i >= n || s.charAt(i) != ']') return false;
                i++;
            }
        }
        i = spaces(s, i);
        bounds[2 * g] = i;
        bounds[2 * g + 1] = n;
        return true;
    }

    /**
     * {@link #scan(String, int[])} of an ASCII line given as its bytes {@code s[0, n)} (with
     * {@link AsciiBytes#PAD} spare bytes after them): the same match and the same groups, read a word
     * at a time where a part allows it (the timestamp, a thread, a component). When the header starts
     * with its time and {@code tails} is given (null: none), what follows the time is first looked up
     * among the ends of headers kept there, and the end of a header read in full is kept.
     */
    boolean scan(byte[] s, int n, int[] bounds, HeaderTails tails) {
        int afterTime = -1;
        int i = 0;
        int g = 0;
        int[] ops = this.ops;
        for (int k = 0; k < ops.length; k++) {
            if (k > 0) {
                if (i >= n || !AsciiBytes.space(s[i])) return false;
                i = HeaderBytes.spaces(s, n, i + 1);
            }
            boolean br = brackets[k];
            if (br) {
                if (i >= n || s[i] != '[') return false;
                i++;
            }
            int start = i;
            switch (ops[k]) {
                case OP_ISO, OP_ISO_T -> {
                    i = HeaderBytes.iso(s, n, i, ops[k] == OP_ISO_T);
                    if (i < 0) return false;
                    set(bounds, g++, start, i);
                    if (k == 0 && tails != null) {
                        if (tails.read(s, n, i, bounds)) return true;
                        afterTime = i;
                    }
                }
                case OP_LEVEL -> {
                    i = HeaderBytes.level(s, n, i, parts[k], bounds, g++);
                    if (i < 0) return false;
                }
                case OP_THREAD -> set(bounds, g++, start, i = HeaderBytes.thread(s, n, i));
                case OP_NUMBER, OP_WORD -> {
                    i = ops[k] == OP_NUMBER ? HeaderBytes.digitRun(s, n, i) : HeaderBytes.nonSpaceRun(s, n, i);
                    if (i < 0) return false;
                    set(bounds, g++, start, i);
                }
                case OP_BRACKETED_WORD -> set(bounds, g++, start, i = HeaderBytes.upTo(s, n, i, ']'));
                case OP_SEPARATOR -> {
                    String literal = parts[k].literal();
                    if (!AsciiBytes.startsWith(s, n, i, literal)) return false;
                    i += literal.length();
                }
                case OP_COMPONENT -> {
                    i = HeaderBytes.component(s, n, i, bounds, g);
                    if (i < 0) return false;
                    g += 2;
                }
                default -> { // OP_DASH_COMPONENT
                    i = HeaderBytes.dashComponent(s, n, i, parts[k].literal(), bounds, g++);
                    if (i < 0) return false;
                }
            }
            if (br) {
                if (i >= n || s[i] != ']') return false;
                i++;
            }
        }
        i = HeaderBytes.spaces(s, n, i);
        bounds[2 * g] = i;
        bounds[2 * g + 1] = n;
        if (afterTime >= 0) tails.remember(s, afterTime, bounds);
        return true;
    }

    /** Java's {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean space(char c) {
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r');
    }

    static boolean digit(char c) {
        return (char) (c - '0') <= 9;
    }

    static boolean letter(char c) {
        return (char) ((c | 0x20) - 'a') < 26;
    }

    private static int spaces(String s, int i) {
        while (i < s.length() && space(s.charAt(i))) i++;
        return i;
    }

    /** The end of a non-empty run of digits from i, or -1. */
    private static int digitRun(String s, int i) {
        int j = i;
        while (j < s.length() && digit(s.charAt(j))) j++;
        return j > i ? j : -1;
    }

    /** The end of a non-empty run of non-space characters from i, or -1. */
    private static int nonSpaceRun(String s, int i) {
        int j = i;
        while (j < s.length() && !space(s.charAt(j))) j++;
        return j > i ? j : -1;
    }

    /** The end of a non-empty run of ASCII letters from i, or -1. */
    private static int letterRun(String s, int i) {
        int j = i;
        while (j < s.length() && letter(s.charAt(j))) j++;
        return j > i ? j : -1;
    }

    private static int upTo(String s, int i, char stop) {
        int at = s.indexOf(stop, i);
        return at < 0 ? s.length() : at;
    }

    private static int lit(String s, int i, char c) {
        return i >= 0 && i < s.length() && s.charAt(i) == c ? i + 1 : -1;
    }

    /** {@code \d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}([.,]\d{1,9})?(Z|[+-]\d{2}:?\d{2})?}; greedy parts never need to give back here. */
    private static int iso(String s, int i, boolean tOnly) {
        int n = s.length();
        if (i + 19 > n) return -1;
        char t = s.charAt(i + 10);
        if (!(digit(s.charAt(i)) && digit(s.charAt(i + 1)) && digit(s.charAt(i + 2)) && digit(s.charAt(i + 3))
                && s.charAt(i + 4) == '-' && digit(s.charAt(i + 5)) && digit(s.charAt(i + 6))
                && s.charAt(i + 7) == '-' && digit(s.charAt(i + 8)) && digit(s.charAt(i + 9))
                && (t == 'T' || (!tOnly && t == ' '))
                && digit(s.charAt(i + 11)) && digit(s.charAt(i + 12)) && s.charAt(i + 13) == ':'
                && digit(s.charAt(i + 14)) && digit(s.charAt(i + 15)) && s.charAt(i + 16) == ':'
                && digit(s.charAt(i + 17)) && digit(s.charAt(i + 18)))) return -1;
        i += 19;
        if (i + 1 < n && (s.charAt(i) == '.' || s.charAt(i) == ',') && digit(s.charAt(i + 1))) {
            int j = i + 1;
            while (j < n && j - i - 1 < 9 && digit(s.charAt(j))) j++;
            i = j;
        }
        if (i >= n) return i;
        char z = s.charAt(i);
        if (z == 'Z') return i + 1;
        if (z == '+' || z == '-') {
            int h = twoDigits(s, i + 1);
            if (h < 0) return i;
            int m = h < n && s.charAt(h) == ':' ? twoDigits(s, h + 1) : -1;
            if (m < 0) m = twoDigits(s, h);
            return m < 0 ? i : m;
        }
        return i;
    }

    /** i + 2 when two digits stand at i, else -1. */
    private static int twoDigits(String s, int i) {
        return i + 2 <= s.length() && digit(s.charAt(i)) && digit(s.charAt(i + 1)) ? i + 2 : -1;
    }

    /** {@code ([A-Za-z]+)} or {@code \[\s*([A-Za-z]+)\s*\]}, then the literal ':' when the part has one. */
    private static int level(String s, int i, HeaderDetector.Element e, int[] bounds, int g) {
        if (e.bracketed()) {
            i = lit(s, i, '[');
            if (i < 0) return -1;
            i = spaces(s, i);
        }
        int end = letterRun(s, i);
        if (end < 0) return -1;
        bounds[2 * g] = i;
        bounds[2 * g + 1] = end;
        i = end;
        if (e.bracketed()) i = lit(s, spaces(s, i), ']');
        if (":".equals(e.literal())) i = lit(s, i, ':');
        return i;
    }

    /** {@code ((?:[^\[\]]++|\[[^\]]*+\])*+)} inside the brackets: plain text and bracketed pieces, possessively. */
    private static int thread(String s, int i) {
        int first = s.indexOf(']', i);
        if (first >= 0) {
            int open = s.indexOf('[', i);
            if (open < 0 || open > first) return first; // plain text up to the first ']': the common case
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ']') break;
            if (c != '[') {
                i++;
                continue;
            }
            int close = s.indexOf(']', i + 1);
            if (close < 0) break;
            i = close + 1;
        }
        return i;
    }

    /** {@code ([^\s\[]+)(?:\[(\d+)\])?:}: the longest run that still leaves the ':' (or {@code [pid]:}) after it. */
    private static int component(String s, int i, int[] bounds, int g) {
        int end = i;
        int n = s.length();
        while (end < n) {
            char c = s.charAt(end);
            if (c <= ' ' ? space(c) : c == '[') break;
            end++;
        }
        if (end == i) return -1;
        if (end < s.length() && s.charAt(end) == '[') {
            int d = digitRun(s, end + 1);
            int after = d < 0 ? -1 : lit(s, lit(s, d, ']'), ':');
            if (after > 0) {
                set(bounds, g, i, end);
                set(bounds, g + 1, end + 1, d);
                return after;
            }
        }
        for (int p = end - 1; p > i; p--) {
            if (s.charAt(p) == ':') {
                set(bounds, g, i, p);
                set(bounds, g + 1, -1, -1);
                return p + 1;
            }
        }
        return -1;
    }

    /** {@code (\S+)\s+} and the separator literal. */
    private static int dashComponent(String s, int i, String literal, int[] bounds, int g) {
        int end = nonSpaceRun(s, i);
        if (end < 0) return -1;
        int j = spaces(s, end);
        if (j == end || !s.startsWith(literal, j)) return -1;
        set(bounds, g, i, end);
        return j + literal.length();
    }

    static void set(int[] bounds, int g, int start, int end) {
        bounds[2 * g] = start;
        bounds[2 * g + 1] = end;
    }
}
