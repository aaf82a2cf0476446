package dev.ddx.backend.logs.mine;

import java.util.List;

/**
 * Splits a message into whitespace tokens and masks the ones that are values by their form,
 * whatever the system: anything holding a digit (numbers, hex, IPs, ids, durations, sizes,
 * versions), paths, URLs and e-mail addresses. A masked token keeps its surrounding punctuation,
 * a {@code key=} prefix and a word prefix such as {@code blk_}, so {@code rhost=10.0.0.1} becomes
 * {@code rhost=<*>} and {@code [10.0.0.1]} becomes {@code [<*>]}.
 */
public final class TokenMasker {
    public static final String WILDCARD = "<*>";

    private TokenMasker() {
    }

    /** The message's tokens, unmasked (split at runs of whitespace). */
    public static List<String> tokens(String message) {
        return Tokens.of(message).list();
    }

    /** One token masked when it is a value, or returned as is. */
    public static String mask(String token) {
        long span = span(token, 0, token.length());
        if (span < 0) return token;
        int a = (int) (span >>> 32);
        int b = (int) span;
        return token.substring(0, a) + WILDCARD + token.substring(b);
    }

    /**
     * Whether token i masks to {@code masked}, whose {@code <*>} starts at {@code wildcard} (-1:
     * it has none), without cutting the token or building the masked form: the per-line check of a known shape.
     */
    public static boolean masksTo(Tokens tokens, int i, String masked, int wildcard) {
        String s = tokens.text();
        int from = tokens.start(i);
        int to = tokens.end(i);
        long span = span(s, from, to);
        if (span < 0) return tokens.is(i, masked);
        int a = (int) (span >>> 32) - from;
        int b = (int) span - from;
        int tail = to - from - b;
        return a == wildcard && masked.length() == a + WILDCARD.length() + tail
                && s.regionMatches(from, masked, 0, a) && s.regionMatches(from + b, masked, a + WILDCARD.length(), tail);
    }

    /**
     * Where the value of the token {@code s[from, to)} lies: a masked token is always
     * {@code token[.., a) + <*> + token[b, ..)} (punctuation, {@code key=} and word prefixes kept).
     * Gives {@code a << 32 | b} as offsets in s, or -1 when the token is no value and stays as it is.
     */
    private static long span(String s, int from, int to) {
        if (plainWord(s, from, to)) return -1;
        int lead = from;
        int trail = to;
        while (lead < trail && isOpen(s.charAt(lead))) lead++;
        while (trail > lead && isClose(s.charAt(trail - 1))) trail--;
        if (lead >= trail) return -1;
        int value = lead;
        int eq = indexOf(s, '=', lead, trail);
        if (eq > lead && eq < trail - 1 && isWord(s, lead, eq)) value = eq + 1;
        if (!isValue(s, value, trail)) return -1;
        int keep = url(s, value, trail) >= 0 ? 0 : wordPrefix(s, value, trail); // a URL is masked whole
        return ((long) (value + keep) << 32) | trail;
    }

    /** The first {@code c} in {@code s[from, to)}, or -1: the token only, not the rest of the message. */
    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) == c) return i;
        return -1;
    }

    /** Where the first {@code ://} in {@code s[from, to)} starts, or -1. */
    private static int url(String s, int from, int to) {
        for (int i = indexOf(s, ':', from, to); i >= 0 && i + 3 <= to; i = indexOf(s, ':', i + 1, to)) {
            if (s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') return i;
        }
        return -1;
    }

    /** Whether the token cannot be a value (no digit, slash or at sign, all ASCII): most words, decided in one pass. */
    private static boolean plainWord(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= '0' && c <= '9') || c == '/' || c == '@') return false;
        }
        return true;
    }

    /** A masked token without its word prefix ({@code MSRA-<*>} → {@code <*>}); a {@code key=} prefix stays. */
    public static String generalize(String masked) {
        int w = masked.indexOf(WILDCARD);
        if (w <= 0) return masked;
        int i = w;
        while (i > 0 && masked.charAt(i - 1) != '=' && !isOpen(masked.charAt(i - 1))) i--;
        return i == w ? masked : masked.substring(0, i) + masked.substring(w);
    }

    /** Whether {@code s[from, to)} is a value by its form: a digit, a URL, a path or an e-mail address. */
    private static boolean isValue(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isDigit(s.charAt(i))) return true;
        }
        if (url(s, from, to) > from) return true;
        if (to - from > 1 && s.charAt(from) == '/' && indexOf(s, '/', from + 1, to) > 0) return true;
        int at = indexOf(s, '@', from, to);
        return at > from && indexOf(s, '.', at, to) > at;
    }

    /** Length of a leading {@code word_} / {@code word-} / {@code word.} / {@code word#} prefix of {@code s[from, to)} before the digits, or 0. */
    private static int wordPrefix(String s, int from, int to) {
        int i = from;
        while (i < to && Character.isLetter(s.charAt(i))) i++;
        if (i == from || i >= to - 1) return 0;
        char c = s.charAt(i);
        return c == '_' || c == '-' || c == '.' || c == '#' || c == ':' ? i + 1 - from : 0;
    }

    private static boolean isWord(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != '.') return false;
        }
        return true;
    }

    private static boolean isOpen(char c) {
        return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\'' || c == '`';
    }

    private static boolean isClose(char c) {
        return c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == '\'' || c == '`'
                || c == ',' || c == ';' || c == '.' || c == ':' || c == '!' || c == '?';
    }
}
