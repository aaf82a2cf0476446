package dev.ddx.backend.logs.read;

import java.util.List;

/**
 * A detected header read by hand instead of by its regular expression: the per-line hot path.
 * Built from a {@link HeaderDetector} signature only when every part of it can be matched
 * without backtracking (ISO timestamps, levels, threads, numbers, words, separators, and a
 * {@code logger:} component as the last part); otherwise {@link #of} gives null and the
 * regular expression is used. Where it applies it finds exactly the groups the expression
 * would ({@code HeaderScannerTest} compares both on every sample line).
 */
final class HeaderScanner {
    private final HeaderDetector.Element[] parts;
    private final HeaderDetector.Kind[] kinds;
    /** Whether part k is in brackets that {@link #scan} reads (all but levels, which read their own). */
    private final boolean[] brackets;
    private final int groups;

    private HeaderScanner(List<HeaderDetector.Element> parts, int groups) {
        this.parts = parts.toArray(new HeaderDetector.Element[0]);
        this.kinds = new HeaderDetector.Kind[this.parts.length];
        this.brackets = new boolean[this.parts.length];
        for (int k = 0; k < this.parts.length; k++) {
            HeaderDetector.Element e = this.parts[k];
            kinds[k] = e.kind();
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
        for (int k = 0; k < parts.length; k++) {
            HeaderDetector.Element e = parts[k];
            HeaderDetector.Kind kind = kinds[k];
            if (k > 0) {
                int j = spaces(s, i);
                if (j == i) return false;
                i = j;
            }
            boolean br = brackets[k];
            if (br) {
                if (i >= n || s.charAt(i) != '[') return false;
                i++;
            }
            int start = i;
            switch (kind) {
                case TIME -> i = iso(s, i, e.shape() == TimestampParser.Shape.ISO_T);
                case LEVEL -> i = level(s, i, e, bounds, g);
                case THREAD -> i = thread(s, i);
                case NUMBER -> i = run(s, i, Kind.DIGIT);
                case WORD -> i = e.bracketed() ? upTo(s, i, ']') : run(s, i, Kind.NON_SPACE);
                case SEPARATOR -> i = s.startsWith(e.literal(), i) ? i + e.literal().length() : -1;
                case COMPONENT -> i = component(s, i, bounds, g);
                case DASH_COMPONENT -> i = dashComponent(s, i, e.literal(), bounds, g);
            }
            if (i < 0) return false;
            switch (kind) {
                case TIME, THREAD, NUMBER, WORD -> set(bounds, g++, start, i);
                case LEVEL, DASH_COMPONENT -> g++; // set by their readers
                case COMPONENT -> g += 2;
                case SEPARATOR -> { }
            }
            if (br) {
                if (i >= n || s.charAt(i) != ']') return false;
                i++;
            }
        }
        i = spaces(s, i);
        bounds[2 * g] = i;
        bounds[2 * g + 1] = s.length();
        return true;
    }

    private enum Kind { DIGIT, NON_SPACE, LETTER }

    /** Java's {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean space(char c) {
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r');
    }

    private static int spaces(String s, int i) {
        while (i < s.length() && space(s.charAt(i))) i++;
        return i;
    }

    private static boolean is(Kind k, char c) {
        return switch (k) {
            case DIGIT -> c >= '0' && c <= '9';
            case NON_SPACE -> !space(c);
            case LETTER -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        };
    }

    /** The end of a non-empty run of the kind from i, or -1. */
    private static int run(String s, int i, Kind k) {
        int j = i;
        while (j < s.length() && is(k, s.charAt(j))) j++;
        return j > i ? j : -1;
    }

    private static int upTo(String s, int i, char stop) {
        while (i < s.length() && s.charAt(i) != stop) i++;
        return i;
    }

    private static int digits(String s, int i, int n) {
        if (i + n > s.length()) return -1;
        for (int k = i; k < i + n; k++) if (!is(Kind.DIGIT, s.charAt(k))) return -1;
        return i + n;
    }

    private static int lit(String s, int i, char c) {
        return i >= 0 && i < s.length() && s.charAt(i) == c ? i + 1 : -1;
    }

    /** {@code \d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}([.,]\d{1,9})?(Z|[+-]\d{2}:?\d{2})?}; greedy parts never need to give back here. */
    private static int iso(String s, int i, boolean tOnly) {
        i = lit(s, digits(s, i, 4), '-');
        i = i < 0 ? -1 : lit(s, digits(s, i, 2), '-');
        i = i < 0 ? -1 : digits(s, i, 2);
        if (i < 0 || i >= s.length() || !(s.charAt(i) == 'T' || (!tOnly && s.charAt(i) == ' '))) return -1;
        i = lit(s, digits(s, i + 1, 2), ':');
        i = i < 0 ? -1 : lit(s, digits(s, i, 2), ':');
        i = i < 0 ? -1 : digits(s, i, 2);
        if (i < 0) return -1;
        if (i + 1 < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',') && is(Kind.DIGIT, s.charAt(i + 1))) {
            int j = i + 1;
            while (j < s.length() && j - i - 1 < 9 && is(Kind.DIGIT, s.charAt(j))) j++;
            i = j;
        }
        if (i < s.length() && s.charAt(i) == 'Z') return i + 1;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            int h = digits(s, i + 1, 2);
            if (h < 0) return i;
            int m = h < s.length() && s.charAt(h) == ':' ? digits(s, h + 1, 2) : -1;
            if (m < 0) m = digits(s, h, 2);
            return m < 0 ? i : m;
        }
        return i;
    }

    /** {@code ([A-Za-z]+)} or {@code \[\s*([A-Za-z]+)\s*\]}, then the literal ':' when the part has one. */
    private static int level(String s, int i, HeaderDetector.Element e, int[] bounds, int g) {
        if (e.bracketed()) {
            i = lit(s, i, '[');
            if (i < 0) return -1;
            i = spaces(s, i);
        }
        int end = run(s, i, Kind.LETTER);
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
        while (end < s.length() && !space(s.charAt(end)) && s.charAt(end) != '[') end++;
        if (end == i) return -1;
        if (end < s.length() && s.charAt(end) == '[') {
            int d = run(s, end + 1, Kind.DIGIT);
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
        int end = run(s, i, Kind.NON_SPACE);
        if (end < 0) return -1;
        int j = spaces(s, end);
        if (j == end || !s.startsWith(literal, j)) return -1;
        set(bounds, g, i, end);
        return j + literal.length();
    }

    private static void set(int[] bounds, int g, int start, int end) {
        bounds[2 * g] = start;
        bounds[2 * g + 1] = end;
    }
}
