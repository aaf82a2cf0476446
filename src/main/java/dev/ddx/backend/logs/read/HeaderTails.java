package dev.ddx.backend.logs.read;

import java.util.Arrays;

/**
 * The ends of the headers one reader met lately: what stands between a line's time and its content
 * (the level, the thread, the component and the spaces around them), with where each field lies in
 * it. A service writes the same few ends again and again (a level, one of its threads, one of its
 * classes), so a line whose bytes after the time are one of them is read with one comparison
 * instead of part by part ({@link HeaderScanner#scan(byte[], int, int[], HeaderTails)}).
 * <p>
 * An end is kept only when whitespace comes just before the content: every part of the header then
 * ends inside it, so the same bytes followed by a byte that is not whitespace (or by the line's end)
 * give the same fields whatever follows. While fewer than half the lines looked up are found (a log
 * with an id in every header), only one new end in {@value #SAMPLE} is kept, so such a log pays little
 * more than a look at one word per way. There is no switch that turns the table off: a reader's
 * compiled code would meet a path it never took, and be compiled again.
 */
final class HeaderTails {
    /** Sets of {@value #WAYS} ends each, chosen by the first bytes of an end. */
    private static final int SETS = 64;
    private static final int WAYS = 4;
    /** The longest end kept, in bytes. */
    private static final int LONGEST = 96;
    /** The most bytes of an end its set is chosen by: far enough to tell threads that differ only by their number. */
    private static final int KEY = 32;
    /** While the table seldom finds an end, one new end in this many (a power of two) is kept. */
    static final int SAMPLE = 16;

    private final int groups;
    /**
     * Per entry (set * WAYS + way): the hash of the end's first {@link #key} bytes, the end's bytes
     * (with {@link AsciiBytes#PAD} spare), its length (0: empty), and its groups' bounds from its
     * start (-1 for a group that took no part; in place 0, 1 when one did not).
     */
    private final long[] tags = new long[SETS * WAYS];
    private final byte[][] ends = new byte[SETS * WAYS][];
    private final int[] lengths = new int[SETS * WAYS];
    private final int[][] fields = new int[SETS * WAYS][];
    /** Per set: the way the next end kept there takes. */
    private final byte[] victims = new byte[SETS];
    /** How many leading bytes choose a set: at most {@link #KEY}, and no more than the shortest end kept. */
    private int key = KEY;
    /** The hash {@link #read} found no end for, for the {@link #remember} that follows; {@link #NONE} when it did not look. */
    private long missed = NONE;
    private static final long NONE = Long.MIN_VALUE;
    private long lookups;
    private long hits;
    private long misses;

    /** A table for a header of {@code groups} groups: the time first and the content last. */
    HeaderTails(int groups) {
        this.groups = groups;
    }

    /**
     * Fills the groups after the time (the time's own bounds are the caller's) when the bytes of the
     * line {@code s[0, n)} from {@code at}, just after the time, start with a kept end; false when none fits.
     */
    boolean read(byte[] s, int n, int at, int[] bounds) {
        lookups++;
        if (at + key > n) {
            missed = NONE;
            return false;
        }
        long h = hash(s, at);
        int first = set(h);
        for (int e = first; e < first + WAYS; e++) {
            int length = lengths[e];
            int end = at + length;
            if (tags[e] != h || length == 0 || end > n || (end < n && AsciiBytes.space(s[end]))
                    || AsciiBytes.firstDifference(s, at, ends[e], length) >= 0) continue;
            int[] f = fields[e];
            if (f[0] == 0) {
                for (int k = 2; k < 2 * groups - 2; k++) bounds[k] = at + f[k];
            } else { // a group that took no part stays -1
                for (int k = 2; k < 2 * groups - 2; k++) bounds[k] = f[k] < 0 ? -1 : at + f[k];
            }
            bounds[2 * groups - 2] = end;
            bounds[2 * groups - 1] = n;
            hits++;
            return true;
        }
        missed = h;
        return false;
    }

    /** Keeps the end of a header the scanner read in full after {@link #read} found none, from {@code at} (just after the time) to the content. */
    void remember(byte[] s, int at, int[] bounds) {
        int length = bounds[2 * groups - 2] - at;
        if (length <= 0 || length > LONGEST || !AsciiBytes.space(s[at + length - 1])) return;
        if (hits * 2 < lookups && (misses++ & (SAMPLE - 1)) != 0) return; // seldom found: keep a few, to notice when that changes
        long h = missed;
        if (length < key) {
            // sets were chosen by more bytes than this end has: start again with fewer
            key = length;
            Arrays.fill(lengths, 0);
            h = NONE;
        }
        if (h == NONE) h = hash(s, at);
        int set = set(h);
        int e = set + victims[set / WAYS]; // the ways of a set are filled in turn
        victims[set / WAYS] = (byte) ((victims[set / WAYS] + 1) & (WAYS - 1));
        if (ends[e] == null) {
            ends[e] = new byte[LONGEST + AsciiBytes.PAD];
            fields[e] = new int[2 * groups];
        }
        System.arraycopy(s, at, ends[e], 0, length);
        int[] f = fields[e];
        f[0] = 0; // (the time's place, not kept here) 1 when a group took no part
        for (int k = 2; k < 2 * groups - 2; k++) {
            f[k] = bounds[k] < 0 ? -1 : bounds[k] - at;
            if (bounds[k] < 0) f[0] = 1;
        }
        tags[e] = h;
        lengths[e] = length;
    }

    /** How many lines were read by their kept ends. */
    long hits() {
        return hits;
    }

    /** The hash of the first {@link #key} bytes from {@code s[at]} (all within the line). */
    private long hash(byte[] s, int at) {
        long h;
        if (key == KEY) {
            // four words mixed side by side rather than one after another
            h = AsciiBytes.word(s, at) ^ Long.rotateLeft(AsciiBytes.word(s, at + 8), 17)
                    ^ Long.rotateLeft(AsciiBytes.word(s, at + 16), 34) ^ Long.rotateLeft(AsciiBytes.word(s, at + 24), 51);
        } else {
            h = 0;
            for (int k = 0; k < key; k += 8) {
                h ^= Long.rotateLeft(AsciiBytes.word(s, at + k) & AsciiBytes.lowBytes(key - k), 17 * (k >>> 3));
            }
        }
        h *= 0x9E3779B97F4A7C15L;
        return h == NONE ? 0 : h;
    }

    /** The first entry of the set of a hash. */
    private static int set(long h) {
        return ((int) (h >>> 58) & (SETS - 1)) * WAYS;
    }
}
