package dev.ddx.backend.logs.read;

import java.util.Locale;

/**
 * Reads a parameter as a number with an optional unit ({@code 42}, {@code -3.5}, {@code 120ms},
 * {@code 64MB}, {@code 75%}). Ids (more than twelve digits), hex and dotted versions are not numbers.
 */
public final class NumberParser {
    private NumberParser() {
    }

    /** A number and the unit written after it (lower case, may be empty). */
    public record Value(double value, String unit) {
    }

    /** Whether {@code s} is one or more ASCII digits and nothing else. */
    static boolean digitsOnly(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** The value, or null when the text is not a plain number with an optional short unit. */
    public static Value parse(String text) {
        return parse(text, 0, text.length());
    }

    /** The value of {@code text[from, to)}, or null (see {@link #parse(String)}). */
    public static Value parse(String text, int from, int to) {
        int end = numberEnd(text, from, to);
        if (end < 0) return null;
        double v = digits(text, from, end);
        return Double.isNaN(v) ? null : new Value(v, end == to ? "" : text.substring(end, to).toLowerCase(Locale.ROOT));
    }

    /** The number in {@code text[from, to)} without making its unit, or NaN when it is not one. */
    public static double value(String text, int from, int to) {
        int end = numberEnd(text, from, to);
        return end < 0 ? Double.NaN : digits(text, from, end);
    }

    /**
     * The value of {@code text[from, to)}, which the caller knows to be a run of ASCII digits:
     * {@link #value} without its checks, and NaN as there for more than {@value #MAX_DIGITS} digits.
     */
    public static double ofDigits(String text, int from, int to) {
        return to - from > MAX_DIGITS ? Double.NaN : digits(text, from, to);
    }

    /** More integer digits than this make an id, not a number. */
    private static final int MAX_DIGITS = 12;

    /** Where the number part of a valid {@code text[from, to)} ends (its unit starts), or -1 when it is no number. */
    private static int numberEnd(String text, int from, int to) {
        int i = from;
        if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) i++;
        int digitsStart = i;
        while (i < to && Character.isDigit(text.charAt(i))) i++;
        int intDigits = i - digitsStart;
        if (intDigits == 0 || intDigits > MAX_DIGITS) return -1;
        if (i < to && text.charAt(i) == '.') {
            i++;
            int frac = i;
            while (i < to && Character.isDigit(text.charAt(i))) i++;
            if (i == frac) return -1;
        }
        int numberEnd = i;
        while (i < to && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '%')) i++;
        if (i != to || to - numberEnd > 3) return -1;
        return numberEnd;
    }

    /** The number {@code text[from, end)} (already checked to be one), or NaN. */
    private static double digits(String text, int from, int end) {
        long v = 0;
        for (int k = from; k < end; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') return viaDouble(text, from, end);
            v = v * 10 + (c - '0'); // unsigned, at most 12 digits: exact as a double
        }
        return v;
    }

    private static double viaDouble(String text, int from, int end) {
        try {
            return Double.parseDouble(text.substring(from, end));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
