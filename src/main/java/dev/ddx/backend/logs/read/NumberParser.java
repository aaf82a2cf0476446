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

    /** The value, or null when the text is not a plain number with an optional short unit. */
    public static Value parse(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) i++;
        int digitsStart = i;
        while (i < n && Character.isDigit(text.charAt(i))) i++;
        int intDigits = i - digitsStart;
        if (intDigits == 0 || intDigits > 12) return null;
        if (i < n && text.charAt(i) == '.') {
            i++;
            int frac = i;
            while (i < n && Character.isDigit(text.charAt(i))) i++;
            if (i == frac) return null;
        }
        int numberEnd = i;
        while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '%')) i++;
        if (i != n || n - numberEnd > 3) return null;
        if (digitsStart == 0 && numberEnd == intDigits) {
            // unsigned integer of at most 12 digits: exact as a double, read without parseDouble
            long v = 0;
            for (int k = 0; k < numberEnd; k++) {
                char c = text.charAt(k);
                if (c < '0' || c > '9') return viaDouble(text, numberEnd);
                v = v * 10 + (c - '0');
            }
            return new Value(v, numberEnd == n ? "" : text.substring(numberEnd).toLowerCase(Locale.ROOT));
        }
        return viaDouble(text, numberEnd);
    }

    private static Value viaDouble(String text, int numberEnd) {
        try {
            return new Value(Double.parseDouble(text.substring(0, numberEnd)), text.substring(numberEnd).toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
