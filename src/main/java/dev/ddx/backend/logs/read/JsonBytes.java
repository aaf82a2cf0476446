package dev.ddx.backend.logs.read;

import java.util.Map;
import java.util.Set;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * {@link FlatJson#read} of an ASCII line from its bytes, by hand: JSON as jackson-core reads it by
 * default (no comments, single quotes, leading zeros, trailing commas or raw control characters in
 * strings), the object's names taken from a small cache rather than made per line. It takes about
 * half the streaming parser's time on a structured log's lines, most of which are short flat
 * objects. What it does not read itself (nesting past {@link #DEPTH}, a number past
 * {@link #NUMBER} digits, a name past {@link #NAME} chars) it hands back as {@link #UNREAD}, for
 * the parser. One per reader: not thread-safe.
 */
final class JsonBytes {
    /** The answer for a line this reading leaves to jackson-core. */
    static final FlatJson UNREAD = FlatJson.empty();
    /** Deeper than this, a longer number or a longer name, and the parser reads the line (its own limits: 1000, 1000, 50,000). */
    private static final int DEPTH = 64;
    private static final int NUMBER = 1000;
    private static final int NAME = 50_000;
    private static final FlatJson.Value TRUE = new FlatJson.Value("true", FlatJson.Kind.BOOL);
    private static final FlatJson.Value FALSE = new FlatJson.Value("false", FlatJson.Kind.BOOL);

    private final Set<String> prefixes;
    private final Set<String> tree;
    private final String[] names = new String[256];
    private final StringBuilder text = new StringBuilder();
    private byte[] b;
    private int n;
    private int i;

    JsonBytes(Set<String> prefixes, Set<String> tree) {
        this.prefixes = prefixes;
        this.tree = tree;
    }

    /** Thrown where the line is no valid JSON (as the parser would find), or to hand the line back. */
    private static final class Stop extends Exception {
        final FlatJson answer;

        Stop(FlatJson answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    private static final Stop INVALID = new Stop(null);
    private static final Stop TO_PARSER = new Stop(UNREAD);
    private static final Stop NEEDS_TREE = new Stop(FlatJson.NEEDS_TREE);

    /**
     * The object on the ASCII line {@code bytes[0, length)}: as {@link FlatJson#read} gives it (null
     * when the line is no JSON object, {@link FlatJson#NEEDS_TREE}), or {@link #UNREAD}.
     */
    FlatJson read(byte[] bytes, int length) {
        b = bytes;
        n = length;
        i = 0;
        try {
            if (next() != '{') return null;
            i++;
            FlatJson o = FlatJson.empty();
            fields("", o.top, o, 0);
            return o;
        } catch (Stop s) {
            return s.answer;
        }
    }

    /** The fields of the object whose '{' was just read, to its '}', as {@code FlatJson.fields} reads them. */
    private void fields(String prefix, Map<String, FlatJson.Value> into, FlatJson o, int depth) throws Stop {
        if (depth > DEPTH) throw TO_PARSER;
        if (next() == '}') {
            i++;
            return;
        }
        while (true) {
            if (next() != '"') throw INVALID;
            String name = prefix.isEmpty() ? name() : prefix + name();
            if (name.length() - prefix.length() > NAME) throw TO_PARSER;
            if (next() != ':') throw INVALID;
            i++;
            int c = next();
            if (into.containsKey(name)) throw NEEDS_TREE;
            if (c == '{' && tree.contains(name)) throw NEEDS_TREE;
            if (c == '{' && prefixes.contains(name)) {
                i++;
                fields(name + ".", o.nested, o, depth + 1);
                into.put(name, FlatJson.OTHER);
            } else {
                into.put(name, value(c, depth));
            }
            int after = next();
            i++;
            if (after == '}') return;
            if (after != ',') throw INVALID;
        }
    }

    /** The value starting with {@code c} at i, read past. */
    private FlatJson.Value value(int c, int depth) throws Stop {
        switch (c) {
            case '"' -> {
                return new FlatJson.Value(string(), FlatJson.Kind.STRING);
            }
            case '{', '[' -> {
                skip(depth + 1);
                return FlatJson.OTHER;
            }
            case 't' -> {
                word("true");
                return TRUE;
            }
            case 'f' -> {
                word("false");
                return FALSE;
            }
            case 'n' -> {
                word("null");
                return FlatJson.NULL;
            }
            default -> {
                int start = i;
                boolean integral = number();
                return new FlatJson.Value(new String(b, start, i - start, ISO_8859_1),
                        integral ? FlatJson.Kind.INT : FlatJson.Kind.FLOAT);
            }
        }
    }

    /** Reads past the object or array whose first byte is at i, checking it as the parser would. */
    private void skip(int depth) throws Stop {
        if (depth > DEPTH) throw TO_PARSER;
        boolean object = b[i++] == '{';
        int close = object ? '}' : ']';
        if (next() == close) {
            i++;
            return;
        }
        while (true) {
            if (object) {
                if (next() != '"') throw INVALID;
                string();
                if (next() != ':') throw INVALID;
                i++;
            }
            int c = next();
            if (c == '{' || c == '[') skip(depth + 1);
            else if (c == '"') string();
            else value(c, depth);
            int after = next();
            i++;
            if (after == close) return;
            if (after != ',') throw INVALID;
        }
    }

    /** The first byte at or after i that is not JSON whitespace (i is left there), or -1 at the end. */
    private int next() {
        while (i < n) {
            int c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
            i++;
        }
        return -1;
    }

    /** A name: as a string, but the same names of every line come from the cache. */
    private String name() throws Stop {
        int start = ++i;
        int h = 0;
        while (i < n && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20) h = 31 * h + b[i++];
        if (i >= n || b[i] != '"') {
            i = start - 1;
            return string();
        }
        int len = i - start;
        i++;
        int slot = (h ^ (h >>> 7)) & (names.length - 1);
        String s = names[slot];
        if (s != null && s.length() == len && AsciiBytes.startsWith(b, n, start, s)) return s;
        s = new String(b, start, len, ISO_8859_1);
        names[slot] = s;
        return s;
    }

    /** The string whose '"' is at i, unescaped, read past. */
    private String string() throws Stop {
        int start = ++i;
        while (i < n && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20) i++;
        if (i < n && b[i] == '"') return new String(b, start, i++ - start, ISO_8859_1);
        text.setLength(0);
        text.append(new String(b, start, i - start, ISO_8859_1));
        while (true) {
            if (i >= n || b[i] < 0x20) throw INVALID;
            int c = b[i++];
            if (c == '"') return text.toString();
            if (c != '\\') {
                text.append((char) c);
                continue;
            }
            if (i >= n) throw INVALID;
            c = b[i++];
            switch (c) {
                case '"', '\\', '/' -> text.append((char) c);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append(hex());
                default -> throw INVALID;
            }
        }
    }

    /** The char of a {@code \}{@code u} escape's four hex digits at i. */
    private char hex() throws Stop {
        if (i + 4 > n) throw INVALID;
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(b[i++], 16);
            if (d < 0) throw INVALID;
            v = v << 4 | d;
        }
        return (char) v;
    }

    /** {@code true}, {@code false} or {@code null} at i, read past. */
    private void word(String w) throws Stop {
        if (!AsciiBytes.startsWith(b, n, i, w)) throw INVALID;
        i += w.length();
    }

    /** A number at i in JSON's form, read past; whether it has neither fraction nor exponent. */
    private boolean number() throws Stop {
        int start = i;
        if (i < n && b[i] == '-') i++;
        if (i >= n || !digit(b[i])) throw INVALID;
        if (b[i] == '0' && i + 1 < n && digit(b[i + 1])) throw INVALID; // a leading zero
        while (i < n && digit(b[i])) i++;
        boolean integral = true;
        if (i < n && b[i] == '.') {
            integral = false;
            if (++i >= n || !digit(b[i])) throw INVALID;
            while (i < n && digit(b[i])) i++;
        }
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            integral = false;
            if (++i < n && (b[i] == '+' || b[i] == '-')) i++;
            if (i >= n || !digit(b[i])) throw INVALID;
            while (i < n && digit(b[i])) i++;
        }
        if (i - start > NUMBER) throw TO_PARSER;
        return integral;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }
}
