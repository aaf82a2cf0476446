package dev.ddx.backend.logs.read;

/**
 * The parts of a header as {@link HeaderScanner#scan(byte[], int, int[], HeaderTails)} reads them from the bytes
 * of an ASCII line {@code s[0, n)} (with {@link AsciiBytes#PAD} spare bytes after them): each is
 * the char-wise reader of the same name in {@link HeaderScanner}, with the same result, a word at
 * a time where the part allows it (the timestamp, a thread, a component).
 */
final class HeaderBytes {
    private HeaderBytes() {
    }

    static int spaces(byte[] s, int n, int i) {
        while (i < n && AsciiBytes.space(s[i])) i++;
        return i;
    }

    static int digitRun(byte[] s, int n, int i) {
        int j = i;
        while (j < n && s[j] >= '0' && s[j] <= '9') j++;
        return j > i ? j : -1;
    }

    static int nonSpaceRun(byte[] s, int n, int i) {
        int j = i;
        while (j < n && !AsciiBytes.space(s[j])) j++;
        return j > i ? j : -1;
    }

    private static int letterRun(byte[] s, int n, int i) {
        int j = i;
        while (j < n && HeaderScanner.letter((char) s[j])) j++;
        return j > i ? j : -1;
    }

    /** The first {@code c} at or after i, or n. */
    static int upTo(byte[] s, int n, int i, char c) {
        for (; i < n; i += 8) {
            long hits = AsciiBytes.equal(AsciiBytes.word(s, i), c);
            if (hits != 0) return Math.min(n, i + AsciiBytes.firstByte(hits));
        }
        return n;
    }

    private static int lit(byte[] s, int n, int i, char c) {
        return i >= 0 && i < n && s[i] == c ? i + 1 : -1;
    }

    /** {@code HeaderScanner.iso} of bytes: the fixed nineteen bytes checked in three words. */
    static int iso(byte[] s, int n, int i, boolean tOnly) {
        if (i + 19 > n) return -1;
        byte t = s[i + 10];
        if (!(t == 'T' || (!tOnly && t == ' ')) || !AsciiBytes.isoDateTime(s, i)) return -1;
        i += 19;
        if (i + 1 < n && (s[i] == '.' || s[i] == ',') && HeaderScanner.digit((char) s[i + 1])) {
            int j = i + 1;
            while (j < n && j - i - 1 < 9 && HeaderScanner.digit((char) s[j])) j++;
            i = j;
        }
        if (i >= n) return i;
        byte z = s[i];
        if (z == 'Z') return i + 1;
        if (z == '+' || z == '-') {
            int h = twoDigits(s, n, i + 1);
            if (h < 0) return i;
            int m = h < n && s[h] == ':' ? twoDigits(s, n, h + 1) : -1;
            if (m < 0) m = twoDigits(s, n, h);
            return m < 0 ? i : m;
        }
        return i;
    }

    private static int twoDigits(byte[] s, int n, int i) {
        return i + 2 <= n && HeaderScanner.digit((char) s[i]) && HeaderScanner.digit((char) s[i + 1]) ? i + 2 : -1;
    }

    static int level(byte[] s, int n, int i, HeaderDetector.Element e, int[] bounds, int g) {
        if (e.bracketed()) {
            i = lit(s, n, i, '[');
            if (i < 0) return -1;
            i = spaces(s, n, i);
        }
        int end = letterRun(s, n, i);
        if (end < 0) return -1;
        bounds[2 * g] = i;
        bounds[2 * g + 1] = end;
        i = end;
        if (e.bracketed()) i = lit(s, n, spaces(s, n, i), ']');
        if (":".equals(e.literal())) i = lit(s, n, i, ':');
        return i;
    }

    /** {@code HeaderScanner.thread} of bytes: up to the first ']' when no '[' comes before it, found a word at a time. */
    static int thread(byte[] s, int n, int i) {
        for (int w = i; w < n; w += 8) {
            long word = AsciiBytes.word(s, w);
            long hits = AsciiBytes.equal(word, ']') | AsciiBytes.equal(word, '[');
            if (hits == 0) continue;
            int at = w + AsciiBytes.firstByte(hits);
            if (at >= n) break;
            if (s[at] == ']') return at;
            break; // a '[' first: the general rule
        }
        while (i < n) {
            byte c = s[i];
            if (c == ']') break;
            if (c != '[') {
                i++;
                continue;
            }
            int close = upTo(s, n, i + 1, ']');
            if (close >= n) break;
            i = close + 1;
        }
        return i;
    }

    /** {@code HeaderScanner.component} of bytes: the run up to a space or '[' found a word at a time. */
    static int component(byte[] s, int n, int i, int[] bounds, int g) {
        int end = n;
        scan:
        for (int w = i; w < n; w += 8) {
            long word = AsciiBytes.word(s, w);
            long hits = AsciiBytes.atMostSpace(word) | AsciiBytes.equal(word, '[');
            while (hits != 0) {
                int at = w + AsciiBytes.firstByte(hits);
                if (at >= n) break scan;
                byte c = s[at];
                if (c == '[' || AsciiBytes.space(c)) {
                    end = at;
                    break scan;
                }
                hits &= hits - 1; // a control byte that is no space: part of the run
            }
        }
        if (end == i) return -1;
        if (end < n && s[end] == '[') {
            int d = digitRun(s, n, end + 1);
            int after = d < 0 ? -1 : lit(s, n, lit(s, n, d, ']'), ':');
            if (after > 0) {
                HeaderScanner.set(bounds, g, i, end);
                HeaderScanner.set(bounds, g + 1, end + 1, d);
                return after;
            }
        }
        for (int p = end - 1; p > i; p--) {
            if (s[p] == ':') {
                HeaderScanner.set(bounds, g, i, p);
                HeaderScanner.set(bounds, g + 1, -1, -1);
                return p + 1;
            }
        }
        return -1;
    }

    static int dashComponent(byte[] s, int n, int i, String literal, int[] bounds, int g) {
        int end = nonSpaceRun(s, n, i);
        if (end < 0) return -1;
        int j = spaces(s, n, end);
        if (j == end || !AsciiBytes.startsWith(s, n, j, literal)) return -1;
        HeaderScanner.set(bounds, g, i, end);
        return j + literal.length();
    }
}
