package dev.ddx.backend.logs.mine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whitespace-separated tokens of a message, as positions in it: a known shape is matched and its
 * numbers read in place, and token strings are only cut when a message is new.
 */
public final class Tokens {
    private final String text;
    private final int[] bounds;
    private final int size;

    private Tokens(String text, int[] bounds, int size) {
        this.text = text;
        this.bounds = bounds;
        this.size = size;
    }

    /** The tokens of a message (split at runs of whitespace). */
    public static Tokens of(String text) {
        return of(text, 0, text.length());
    }

    /** The tokens of the message {@code text[from, to)}; their positions are in {@code text}. */
    public static Tokens of(String text, int from, int to) {
        int[] b = new int[16];
        int n = 0;
        int len = to;
        int i = from;
        while (i < len) {
            while (i < len && isSpace(text.charAt(i))) i++;
            int start = i;
            while (i < len && !isSpace(text.charAt(i))) i++;
            if (i > start) {
                if (2 * n + 2 > b.length) b = Arrays.copyOf(b, b.length * 2);
                b[2 * n] = start;
                b[2 * n + 1] = i;
                n++;
            }
        }
        return new Tokens(text, b, n);
    }

    private static boolean isSpace(char c) {
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b);
    }

    public int size() {
        return size;
    }

    /** The message the tokens are in. */
    public String text() {
        return text;
    }

    public int start(int i) {
        return bounds[2 * i];
    }

    public int end(int i) {
        return bounds[2 * i + 1];
    }

    public int length(int i) {
        return bounds[2 * i + 1] - bounds[2 * i];
    }

    /** Token i, cut from the message. */
    public String get(int i) {
        return text.substring(bounds[2 * i], bounds[2 * i + 1]);
    }

    /** Whether token i is exactly {@code s}. */
    public boolean is(int i, String s) {
        return length(i) == s.length() && text.regionMatches(bounds[2 * i], s, 0, s.length());
    }

    /** Token i's {@link String#hashCode()}, without cutting it. */
    public int hash(int i) {
        int h = 0;
        for (int k = bounds[2 * i]; k < bounds[2 * i + 1]; k++) h = 31 * h + text.charAt(k);
        return h;
    }

    /** All tokens as strings. */
    public List<String> list() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(get(i));
        return out;
    }
}
