package dev.ddx.backend.logs.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time over the bytes of an ASCII line: the per-line readers' fast path. A line
 * whose bytes are all below 0x80 reads the same as its {@code String} (one char per byte), so the
 * header, the time and a known shape can be matched on the bytes a word at a time instead of a char
 * at a time. Arrays handed to these methods have at least {@link #PAD} bytes after the line's end,
 * so a word may be read at any index up to the line's length; what lies past the end is masked off.
 */
public final class AsciiBytes {
    /** Spare bytes after a line's end in every array these methods read. */
    public static final int PAD = 8;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;

    private AsciiBytes() {
    }

    /** The eight bytes from {@code i}, byte {@code i} lowest. */
    public static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** Bit 7 of each byte of {@code w} that is an ASCII digit (every byte of w below 0x80: no carry crosses a byte). */
    public static long digits(long w) {
        return (w + 0x5050505050505050L) & ~(w + 0x4646464646464646L) & HIGH;
    }

    /** Bit 7 of each byte of {@code w} that is zero, exactly. */
    public static long zeros(long w) {
        return ~(((w & LOW7) + LOW7) | w | LOW7);
    }

    /** Bit 7 of each byte of {@code w} that equals {@code c} (below 0x80). */
    public static long equal(long w, int c) {
        return zeros(w ^ (c * ONES));
    }

    /** Bit 7 of each byte of {@code w} at or below a space (ASCII bytes: no carry crosses a byte). */
    public static long atMostSpace(long w) {
        return ~(w + 0x5f5f5f5f5f5f5f5fL) & HIGH;
    }

    /** {@code yyyy-MM-}: digits but for the two '-' (byte k of a word is its bits 8k to 8k + 7). */
    private static final long ISO_DIGITS_1 = 0x0080_8000_8080_8080L;
    private static final long ISO_DASHES_1 = 0xff00_00ff_0000_0000L;
    private static final long ISO_DASHES_1_VALUE = 0x2d00_002d_0000_0000L;
    /** {@code dd?HH:mm}, read from byte 8: the date–time separator is the caller's to check. */
    private static final long ISO_DIGITS_2 = 0x8080_0080_8000_8080L;
    private static final long ISO_COLON_2 = 0x0000_ff00_0000_0000L;
    private static final long ISO_COLON_2_VALUE = 0x0000_3a00_0000_0000L;
    /** {@code :ss} (bytes 16–18), as bytes 5–7 of the word read from byte 11. */
    private static final long ISO_TAIL_3 = 0x8080_0000_0000_0000L;

    /**
     * Whether {@code b[at, at + 19)} is {@code yyyy-MM-dd?HH:mm:ss} with any byte at {@code at + 10}
     * (the caller checks that one), in three words; the line has those 19 bytes.
     */
    public static boolean isoDateTime(byte[] b, int at) {
        long x = word(b, at);
        long y = word(b, at + 8);
        long z = word(b, at + 11);
        return (x & ISO_DASHES_1) == ISO_DASHES_1_VALUE && (y & ISO_COLON_2) == ISO_COLON_2_VALUE
                && (z & ISO_COLON_2) == ISO_COLON_2_VALUE && (digits(x) & ISO_DIGITS_1) == ISO_DIGITS_1
                && (digits(y) & ISO_DIGITS_2) == ISO_DIGITS_2 && (digits(z) & ISO_TAIL_3) == ISO_TAIL_3;
    }

    /** The mask of the lowest {@code n} bytes (0 to 8). */
    public static long lowBytes(int n) {
        return n >= 8 ? -1L : (1L << (n << 3)) - 1;
    }

    /** The index of the lowest byte whose bit 7 is set in {@code flags} (not 0). */
    public static int firstByte(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }

    /** Java's {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    public static boolean space(int c) {
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r');
    }

    /** Whether the ASCII bytes {@code b[at, at + s.length())} are the chars of {@code s}. */
    public static boolean startsWith(byte[] b, int n, int at, String s) {
        int len = s.length();
        if (at < 0 || at + len > n) return false;
        for (int k = 0; k < len; k++) if (b[at + k] != s.charAt(k)) return false;
        return true;
    }

    /**
     * Whether {@code b[at, at + len)} equals {@code token[0, len)}; {@code token} is padded like a
     * line (see {@link #padded}), and {@code at + len} is within the line.
     */
    public static boolean regionEquals(byte[] b, int at, byte[] token, int len) {
        int k = 0;
        for (; k + 8 <= len; k += 8) if (word(b, at + k) != word(token, k)) return false;
        return k == len || ((word(b, at + k) ^ word(token, k)) & lowBytes(len - k)) == 0;
    }

    /**
     * The first k below {@code len} where {@code b[at + k]} and {@code token[k]} differ, or -1 when
     * none does; {@code token} is padded like a line (see {@link #padded}), and {@code at + len} is within the line.
     */
    public static int firstDifference(byte[] b, int at, byte[] token, int len) {
        int k = 0;
        for (; k + 8 <= len; k += 8) {
            long x = word(b, at + k) ^ word(token, k);
            if (x != 0) return k + (Long.numberOfTrailingZeros(x) >>> 3);
        }
        long x = (word(b, at + k) ^ word(token, k)) & lowBytes(len - k);
        return x == 0 ? -1 : k + (Long.numberOfTrailingZeros(x) >>> 3);
    }

    /** Whether {@code b[from, to)} are all ASCII digits ({@code to} is within the line). */
    public static boolean allDigits(byte[] b, int from, int to) {
        int k = from;
        for (; k + 8 <= to; k += 8) if (digits(word(b, k)) != HIGH) return false;
        return k == to || (~digits(word(b, k)) & lowBytes(to - k) & HIGH) == 0;
    }

    /** The ASCII chars of {@code s} as bytes with {@link #PAD} spare bytes after them, or null when s is not ASCII. */
    public static byte[] padded(String s) {
        return ascii(s, new byte[s.length() + PAD]);
    }

    /**
     * The same in {@code into} when it has room (else in a new array, with room to spare), for a
     * reader that reuses its line buffer; null when s is not ASCII.
     */
    public static byte[] copied(String s, byte[] into) {
        return ascii(s, into != null && into.length >= s.length() + PAD ? into : new byte[Math.max(128, 2 * s.length() + PAD)]);
    }

    private static byte[] ascii(String s, byte[] out) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= 0x80) return null;
            out[k] = (byte) c;
        }
        return out;
    }
}
