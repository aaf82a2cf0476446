package dev.ddx.backend.logs.mine;

import dev.ddx.backend.logs.read.AsciiBytes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whitespace-separated tokens of a message, as positions in it: a known shape is matched and its
 * numbers read in place, and token strings are only cut when a message is new.
 */
public final class Tokens {
    private String text;
    private int[] bounds;
    private int size;
    /** Bit k: token k is a run of ASCII digits (see {@link #digitRun}). */
    private long digitRuns;

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
        return new Tokens(text, new int[16], 0).split(text, from, to);
    }

    /** Tokens to be filled by {@link #split} again and again (one reading thread's, for the messages it reads one by one). */
    public static Tokens reusable() {
        return new Tokens("", new int[16], 0);
    }

    /** Makes these the tokens of {@code text[from, to)}, in place; a {@link #reusable()} one is valid until the next call. */
    public Tokens split(String text, int from, int to) {
        int[] b = bounds;
        int n = 0;
        int i = from;
        while (i < to) {
            while (i < to && isSpace(text.charAt(i))) i++;
            int start = i;
            while (i < to && !isSpace(text.charAt(i))) i++;
            if (i > start) {
                if (2 * n + 2 > b.length) b = Arrays.copyOf(b, b.length * 2);
                b[2 * n] = start;
                b[2 * n + 1] = i;
                n++;
            }
        }
        this.text = text;
        this.bounds = b;
        this.size = n;
        this.digitRuns = 0;
        return this;
    }

    /**
     * Makes these the tokens of {@code text[from, to)} when it masks to exactly {@code shape}, and says
     * whether it does: the per-line check of a known shape, in one pass. A literal token is compared
     * where it should stand rather than searched for; only value tokens are scanned to their end.
     * When false these tokens are left unusable: {@link #split} them.
     */
    public boolean splitAs(Shape shape, String text, int from, int to) {
        int count = shape.tokens.length;
        int[] b = startAs(count, text);
        long digitRuns = 0;
        int i = from;
        for (int k = 0; k < count; k++) {
            while (i < to && isSpace(text.charAt(i))) i++;
            if (i >= to) return false;
            int start = i;
            int wildcard = shape.wildcards[k];
            String token = shape.tokens[k];
            if (wildcard < 0) {
                int end = start + token.length();
                if (end > to || !text.regionMatches(start, token, 0, token.length())) return false;
                i = end;
                if (i < to && !isSpace(text.charAt(i))) return false;
                b[2 * k] = start;
                b[2 * k + 1] = i;
            } else {
                boolean digits = true;
                for (char c; i < to && !isSpace(c = text.charAt(i)); i++) digits &= (char) (c - '0') <= 9;
                b[2 * k] = start;
                b[2 * k + 1] = i;
                // a run of digits (the commonest value) masks to a bare <*>, whatever else it could be
                if (digits ? wildcard != 0 || token.length() != TokenMasker.WILDCARD.length()
                        : !TokenMasker.masksTo(this, k, token, wildcard)) return false;
                if (digits && k < 64) digitRuns |= 1L << k;
            }
        }
        while (i < to && isSpace(text.charAt(i))) i++;
        this.digitRuns = digitRuns;
        return i >= to;
    }

    /** Makes these {@code count} tokens of {@code text}, their places to be filled in by a {@code splitAs}: the array to fill. */
    private int[] startAs(int count, String text) {
        if (bounds.length < 2 * count) bounds = new int[Math.max(2 * count, 2 * bounds.length)];
        this.text = text;
        this.size = count;
        this.digitRuns = 0;
        return bounds;
    }

    /**
     * {@link #splitAs(Shape, String, int, int)} of a message whose line's bytes {@code bytes} also
     * holds when it is ASCII (null otherwise; see {@link AsciiBytes}): the same answer and the same
     * tokens, read a word at a time. Where the message's tokens are one space apart (as most are), a
     * run of literal tokens is compared in one go with the shape's run ({@link Shape#runs}); a gap of
     * other whitespace, or a difference where the message has whitespace, sends it to
     * {@link #splitAsTokens}, token by token.
     */
    public boolean splitAs(Shape shape, String text, byte[] bytes, int from, int to) {
        if (bytes == null) return splitAs(shape, text, from, to);
        int count = shape.tokens.length;
        int[] b = startAs(count, text);
        int i = from;
        while (i < to && AsciiBytes.space(bytes[i])) i++;
        for (int k = 0; k < count; ) {
            if (k > 0) {
                // i is at whitespace that ended the token before: a gap of one space goes on here
                if (i + 1 >= to) return false; // no room for another token
                if (bytes[i] != ' ' || AsciiBytes.space(bytes[i + 1])) return splitAsTokens(shape, text, bytes, from, to);
                i++;
            } else if (i >= to) {
                return false;
            }
            int wildcard = shape.wildcards[k];
            if (wildcard < 0) {
                byte[] run = shape.runs[k];
                int end = shape.runEnds[k];
                int length = run == null ? 0 : run.length - AsciiBytes.PAD;
                if (run == null || i + length > to) return false; // a token that is not ASCII, or too little left
                int at = AsciiBytes.firstDifference(bytes, i, run, length);
                if (at >= 0) {
                    // the bytes before are the run's: where the message has other than whitespace, one of the
                    // run's tokens differs or goes on longer; whitespace may be only a wider gap
                    return AsciiBytes.space(bytes[i + at]) && splitAsTokens(shape, text, bytes, from, to);
                }
                for (; k < end; k++) {
                    int start = i + shape.runOffsets[k];
                    b[2 * k] = start;
                    b[2 * k + 1] = start + shape.tokens[k].length();
                }
                i += length;
                if (i < to && !AsciiBytes.space(bytes[i])) return false; // the last literal token goes on
            } else {
                i = valueAs(shape, k, bytes, i, to);
                if (i < 0) return false;
                k++;
            }
        }
        while (i < to && AsciiBytes.space(bytes[i])) i++;
        return i >= to;
    }

    /** {@link #splitAs(Shape, String, byte[], int, int)} token by token: whatever whitespace stands between the tokens. */
    private boolean splitAsTokens(Shape shape, String text, byte[] bytes, int from, int to) {
        int count = shape.tokens.length;
        int[] b = startAs(count, text);
        int i = from;
        for (int k = 0; k < count; k++) {
            while (i < to && AsciiBytes.space(bytes[i])) i++;
            if (i >= to) return false;
            int start = i;
            int wildcard = shape.wildcards[k];
            String token = shape.tokens[k];
            if (wildcard < 0) {
                byte[] literal = shape.literals[k];
                int end = start + token.length();
                if (literal == null || end > to || !AsciiBytes.regionEquals(bytes, start, literal, token.length())) return false;
                i = end;
                if (i < to && !AsciiBytes.space(bytes[i])) return false;
                b[2 * k] = start;
                b[2 * k + 1] = i;
            } else {
                i = valueAs(shape, k, bytes, i, to);
                if (i < 0) return false;
            }
        }
        while (i < to && AsciiBytes.space(bytes[i])) i++;
        return i >= to;
    }

    /**
     * Reads value token k of a byte-wise match from {@code bytes[i]} (not whitespace, {@code i < to}):
     * fills in its place, notes a run of digits, and says where it ends; -1 when it does not mask to
     * the shape's token.
     */
    private int valueAs(Shape shape, int k, byte[] bytes, int i, int to) {
        int start = i;
        String token = shape.tokens[k];
        int wildcard = shape.wildcards[k];
        i = valueEnd(bytes, i, to);
        boolean digits = i >= 0;
        if (!digits) i = -i;
        bounds[2 * k] = start;
        bounds[2 * k + 1] = i;
        if (digits) {
            // a run of digits (the commonest value) masks to a bare <*>, whatever else it could be
            if (wildcard != 0 || token.length() != TokenMasker.WILDCARD.length()) return -1;
            if (k < 64) digitRuns |= 1L << k;
            return i;
        }
        // a head and then digits (/api/orders/12, blk_12) masks as the last value of the same head that
        // matched here did: no rule of the masking looks at which digits close a token
        byte[] head = shape.valueHeads[k];
        int length = shape.valueHeadLengths[k];
        if (head != null && i - start > length && AsciiBytes.allDigits(bytes, start + length, i)
                && AsciiBytes.firstDifference(bytes, start, head, length) < 0) return i;
        if (!TokenMasker.masksTo(this, k, token, wildcard)) return -1;
        int digitsFrom = i;
        while (digitsFrom > start && bytes[digitsFrom - 1] >= '0' && bytes[digitsFrom - 1] <= '9') digitsFrom--;
        if (digitsFrom < i && digitsFrom - start <= HEAD) {
            if (head == null) head = shape.valueHeads[k] = new byte[HEAD + AsciiBytes.PAD];
            System.arraycopy(bytes, start, head, 0, digitsFrom - start);
            shape.valueHeadLengths[k] = digitsFrom - start;
        }
        return i;
    }

    /** The longest head of a value kept for {@link Shape#valueHeads}. */
    private static final int HEAD = 48;

    /**
     * Where the value token at {@code bytes[i]} (not a space; {@code i < to}) ends: the first space
     * at or after i, or {@code to}; negated when the token is not a run of ASCII digits. Eight bytes
     * at a time: a word's bytes at or below a space end the token if the first of them is one of
     * Java's {@code \s}, else (a control byte) that byte is part of the token and the scan goes on.
     */
    private static int valueEnd(byte[] bytes, int i, int to) {
        boolean digits = true;
        while (i < to) {
            long w = AsciiBytes.word(bytes, i);
            long low = AsciiBytes.atMostSpace(w);
            int n = Math.min(low == 0 ? 8 : AsciiBytes.firstByte(low), to - i);
            digits &= (~AsciiBytes.digits(w) & AsciiBytes.lowBytes(n) & 0x8080808080808080L) == 0;
            i += n;
            if (i >= to || n == 8) continue;
            if (AsciiBytes.space(bytes[i])) break;
            digits = false; // a control byte inside the token
            i++;
        }
        return digits ? i : -i;
    }

    /**
     * Whether token i is known to be a run of ASCII digits: told for the value tokens of a message
     * {@link #splitAs} matched (the first 64 tokens), so a reader of its numbers can skip the general
     * checks. False when not known, as after {@link #split}.
     */
    public boolean digitRun(int i) {
        return i < 64 && (digitRuns >>> i & 1) != 0;
    }

    /** The {@link String#hashCode()} of the first token of {@code text[from, to)}, or 0 when it has none. */
    static int firstHash(String text, int from, int to) {
        int i = from;
        while (i < to && isSpace(text.charAt(i))) i++;
        int h = 0;
        for (; i < to; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) break;
            h = 31 * h + c;
        }
        return h;
    }

    /** {@link #firstHash(String, int, int)} of a message whose line's bytes {@code bytes} also holds when it is ASCII (null otherwise). */
    static int firstHash(String text, byte[] bytes, int from, int to) {
        if (bytes == null) return firstHash(text, from, to);
        int i = from;
        while (i < to && AsciiBytes.space(bytes[i])) i++;
        int h = 0;
        for (; i < to; i++) {
            byte c = bytes[i];
            if (AsciiBytes.space(c)) break;
            h = 31 * h + c;
        }
        return h;
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
