package dev.ddx.backend.logs.mine;

import java.util.ArrayList;
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
        List<String> out = new ArrayList<>();
        int n = message.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(message.charAt(i))) i++;
            int start = i;
            while (i < n && !isSpace(message.charAt(i))) i++;
            if (i > start) out.add(message.substring(start, i));
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** One token masked when it is a value, or returned as is. */
    public static String mask(String token) {
        if (plainWord(token)) return token;
        int lead = 0;
        int trail = token.length();
        while (lead < trail && isOpen(token.charAt(lead))) lead++;
        while (trail > lead && isClose(token.charAt(trail - 1))) trail--;
        if (lead >= trail) return token;
        String core = token.substring(lead, trail);
        String masked = maskCore(core);
        if (masked == core) return token;
        return token.substring(0, lead) + masked + token.substring(trail);
    }

    /** Whether the token cannot be a value (no digit, slash or at sign, all ASCII): most words, decided in one pass without allocating. */
    private static boolean plainWord(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= 0x80 || (c >= '0' && c <= '9') || c == '/' || c == '@') return false;
        }
        return true;
    }

    private static String maskCore(String core) {
        int eq = core.indexOf('=');
        if (eq > 0 && eq < core.length() - 1 && isWord(core, 0, eq)) {
            String value = core.substring(eq + 1);
            String m = maskValue(value);
            return m == value ? core : core.substring(0, eq + 1) + m;
        }
        return maskValue(core);
    }

    private static String maskValue(String v) {
        if (!isValue(v)) return v;
        if (v.contains("://")) return WILDCARD;
        int p = wordPrefix(v);
        return p > 0 ? v.substring(0, p) + WILDCARD : WILDCARD;
    }

    /** A masked token without its word prefix ({@code MSRA-<*>} → {@code <*>}); a {@code key=} prefix stays. */
    public static String generalize(String masked) {
        int w = masked.indexOf(WILDCARD);
        if (w <= 0) return masked;
        int i = w;
        while (i > 0 && masked.charAt(i - 1) != '=' && !isOpen(masked.charAt(i - 1))) i--;
        return i == w ? masked : masked.substring(0, i) + masked.substring(w);
    }

    /** Whether the text is a value by its form. */
    static boolean isValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.isDigit(v.charAt(i))) return true;
        }
        if (v.indexOf("://") > 0) return true;
        if (v.length() > 1 && v.charAt(0) == '/' && v.indexOf('/', 1) > 0) return true;
        int at = v.indexOf('@');
        return at > 0 && v.indexOf('.', at) > at;
    }

    /** Length of a leading {@code word_} / {@code word-} / {@code word.} / {@code word#} prefix before the digits, or 0. */
    private static int wordPrefix(String v) {
        int i = 0;
        while (i < v.length() && Character.isLetter(v.charAt(i))) i++;
        if (i == 0 || i >= v.length() - 1) return 0;
        char c = v.charAt(i);
        return c == '_' || c == '-' || c == '.' || c == '#' || c == ':' ? i + 1 : 0;
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
