package dev.ddx.backend.logs.read;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the timestamps logs write: ISO 8601 (with comma or dot fractions), {@code yyyy/MM/dd},
 * {@code yy/MM/dd}, syslog ({@code Jun 14 15:16:01}: the year of reading, or the one before when that
 * would put the date more than a day ahead), Apache error logs
 * ({@code Sun Dec 04 04:47:44 2005}), access logs ({@code 10/Oct/2000:13:55:36 -0700}),
 * {@code yyMMdd HHmmss}, {@code yyyy-MM-dd-HH.mm.ss.ffffff} and epoch seconds or milliseconds.
 * Times without an offset are taken as UTC. Remembers the last format that worked.
 */
public final class TimestampParser {
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun",
            "jul", "aug", "sep", "oct", "nov", "dec");

    /** The timestamp shapes, in the order tried; a header detector reuses them. */
    public enum Shape {
        ISO("(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?", false),
        YMD_SLASH("(\\d{4})/(\\d{2})/(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?", false),
        YY_SLASH("(\\d{2})/(\\d{2})/(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?", false),
        APACHE("[A-Z][a-z]{2} ([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))? (\\d{4})", false),
        SYSLOG("([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?", false),
        ACCESS("(\\d{2})/([A-Z][a-z]{2})/(\\d{4}):(\\d{2}):(\\d{2}):(\\d{2}) ([+-]\\d{4})", false),
        COMPACT("(\\d{2})(\\d{2})(\\d{2}) (\\d{2})(\\d{2})(\\d{2})", false),
        DOTTED("(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})\\.(\\d{2})\\.(\\d{2})\\.(\\d{1,9})", true),
        ISO_T("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?", true),
        EPOCH_MS("(1\\d{12})", true),
        EPOCH("(1\\d{9})(?:\\.(\\d{1,9}))?", true),
        /** {@code MMdd HH:mm:ss.uuuuuu}, year-less: glog's and Kubernetes' klog's, after their level letter. */
        MONTH_DAY("(\\d{2})(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?", false),
        /** {@code MM-dd HH:mm:ss.SSS}, year-less: Android's logcat. */
        MONTH_DAY_DASH("(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?", false),
        /** {@code dd MMM yyyy HH:mm:ss.SSS}: Redis's, and log4j's {@code %d{DATE}}. */
        DAY_MONTH_YEAR("(\\d{1,2}) ([A-Z][a-z]{2}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?", false);

        final Pattern pattern;
        final boolean singleToken;

        Shape(String regex, boolean singleToken) {
            this.pattern = Pattern.compile(regex);
            this.singleToken = singleToken;
        }

        /** The regular expression of this shape, for building a header pattern. */
        public String regex() {
            return pattern.pattern();
        }

        /** Whether the shape is one whitespace-free token. */
        public boolean singleToken() {
            return singleToken;
        }
    }

    private final int defaultYear;
    /** Year-less times later than this are taken as last year's (null: always {@link #defaultYear}). */
    private final Instant latest;
    private Shape last = Shape.ISO;

    /** Year-less timestamps get this year. */
    public TimestampParser(int defaultYear) {
        this.defaultYear = defaultYear;
        this.latest = null;
    }

    /**
     * Year-less timestamps get now's year, or the year before when that would put them more than a
     * day after now (a log read in January whose lines say December).
     */
    public TimestampParser(Instant now) {
        this.defaultYear = now.atZone(ZoneOffset.UTC).getYear();
        this.latest = now.plus(java.time.Duration.ofDays(1));
    }

    /** The instant the text starts with, or empty. */
    public Optional<Instant> parse(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        Instant fast = isoFast(text, 0, text.length());
        if (fast != null) return Optional.of(fast);
        Instant t = parse(last, text);
        if (t != null) return Optional.of(t);
        for (Shape s : Shape.values()) {
            if (s == last) continue;
            t = parse(s, text);
            if (t != null) {
                last = s;
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The instant {@code text[from, to)} starts with, or empty: {@link #parse(String)} without cutting the text for the commonest shape. */
    public Optional<Instant> parse(String text, int from, int to) {
        if (to <= from) return Optional.empty();
        Instant fast = isoFast(text, from, to);
        return fast != null ? Optional.of(fast) : parse(text.substring(from, to));
    }

    /**
     * {@link #parse(String, int, int)} of a line whose bytes {@code bytes} also holds when it is ASCII
     * (null otherwise; see {@link AsciiBytes}): the commonest shape is then read from the bytes.
     */
    public Optional<Instant> parse(String text, byte[] bytes, int from, int to) {
        if (bytes == null) return parse(text, from, to);
        if (to <= from) return Optional.empty();
        Instant fast = isoFast(bytes, from, to);
        return fast != null ? Optional.of(fast) : parse(text.substring(from, to));
    }

    /** The shape a timestamp at the start of {@code text} has, and its length; null when none. */
    public static Shape shapeAt(String text, int from, int[] endOut) {
        // every shape starts with a digit or an upper-case letter: stack frames and indented lines stop here
        if (from >= text.length()) return null;
        char c = text.charAt(from);
        if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) return null;
        // those that start with a letter start with a name of three letters and a space ("Mar  1", "Sun Dec"):
        // "Caused by: …" and other capitalised lines of a trace stop here
        if (c >= 'A' && !(from + 3 < text.length() && lower(text.charAt(from + 1)) && lower(text.charAt(from + 2))
                && text.charAt(from + 3) == ' ')) return null;
        for (Shape s : Shape.values()) {
            Matcher m = s.pattern.matcher(text);
            m.region(from, text.length());
            if (m.lookingAt() && plausible(s, m)) {
                endOut[0] = m.end();
                return s;
            }
        }
        return null;
    }

    private static boolean lower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean plausible(Shape s, Matcher m) {
        if (s == Shape.SYSLOG || s == Shape.APACHE) return month(m.group(1)) >= 0;
        if (s == Shape.ACCESS || s == Shape.DAY_MONTH_YEAR) return month(m.group(2)) >= 0;
        if (s == Shape.MONTH_DAY || s == Shape.MONTH_DAY_DASH) { // four digits and a time could be anything: a real date
            int mo = Integer.parseInt(m.group(1));
            int d = Integer.parseInt(m.group(2));
            return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && Integer.parseInt(m.group(3)) < 24;
        }
        return true;
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss[,.]fff} without an offset, read without regular expressions: the
     * commonest shape, on the hot path of every line. Anything else falls back to the shapes.
     */
    private Instant isoFast(String t, int o, int to) {
        int n = to - o;
        if (n < 19 || t.charAt(o + 4) != '-' || t.charAt(o + 7) != '-' || (t.charAt(o + 10) != ' ' && t.charAt(o + 10) != 'T')
                || t.charAt(o + 13) != ':' || t.charAt(o + 16) != ':') return null;
        int end = 19;
        int nanos = 0;
        if (n > 19 && (t.charAt(o + 19) == ',' || t.charAt(o + 19) == '.')) {
            int k = 20;
            int digits = 0;
            while (k < n && digits < 9 && (char) (t.charAt(o + k) - '0') <= 9) { // ASCII digits only, as the shapes' \d
                nanos = nanos * 10 + (t.charAt(o + k) - '0');
                k++;
                digits++;
            }
            if (digits == 0) return null;
            for (int d = digits; d < 9; d++) nanos *= 10;
            end = k;
        }
        if (end < n && t.charAt(o + end) != ' ') return null; // an offset or zone: the general shapes handle it
        return instant(two(t, o), two(t, o + 2), two(t, o + 5), two(t, o + 8), two(t, o + 11), two(t, o + 14), two(t, o + 17), nanos);
    }

    /**
     * The first sixteen bytes ({@code yyyy-MM-dd?HH:mm}) of the last time {@link #isoFast(byte[], int, int)}
     * read, as two words, and the epoch second that minute starts at: a log's lines share their minute
     * for hundreds or thousands of lines, so most lines only read their seconds. A reader's parser
     * reads its first line the long way, so both ways are taken before the compiler looks.
     */
    private long minuteHead = -1;
    private long minuteTail = -1;
    private long minuteSecond;

    /** {@link #isoFast(String, int, int)} of the bytes of an ASCII line: the same instant, or null where it gives null. */
    private Instant isoFast(byte[] t, int o, int to) {
        int n = to - o;
        if (n < 19) return null;
        long head = AsciiBytes.word(t, o);
        long tail = AsciiBytes.word(t, o + 8);
        long minute;
        if (head == minuteHead && tail == minuteTail) {
            // the minute's bytes were read before (ASCII lines: no word of them is -1)
            if (t[o + 16] != ':' || !digit(t[o + 17]) || !digit(t[o + 18])) return null;
            minute = minuteSecond;
        } else {
            byte sep = t[o + 10];
            if ((sep != ' ' && sep != 'T') || !AsciiBytes.isoDateTime(t, o)) return null;
            minute = minuteStart(two(t, o), two(t, o + 2), two(t, o + 5), two(t, o + 8), two(t, o + 11), two(t, o + 14));
            if (minute == NO_DAY) return null;
            minuteHead = head;
            minuteTail = tail;
            minuteSecond = minute;
        }
        int end = 19;
        int nanos = 0;
        if (n > 19 && (t[o + 19] == ',' || t[o + 19] == '.')) {
            int k = 20;
            int digits = 0;
            while (k < n && digits < 9 && t[o + k] >= '0' && t[o + k] <= '9') {
                nanos = nanos * 10 + (t[o + k] - '0');
                k++;
                digits++;
            }
            if (digits == 0) return null;
            for (int d = digits; d < 9; d++) nanos *= 10;
            end = k;
        }
        if (end < n && t[o + end] != ' ') return null; // an offset or zone: the general shapes handle it
        return secondOf(minute, two(t, o + 17), nanos);
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The two digits at {@code t[at]} as a number (checked to be digits by the caller). */
    private static int two(byte[] t, int at) {
        return (t[at] - '0') * 10 + t[at + 1] - '0';
    }

    /**
     * The instant of a date and time given as pairs of digits ({@code yyyy} as century and year),
     * or null when it is none (-1 for a pair that is no digits, an hour past 23, a day past the month's).
     */
    private static Instant instant(int century, int yy, int m, int d, int h, int mi, int s, int nanos) {
        long minute = minuteStart(century, yy, m, d, h, mi);
        return minute == NO_DAY ? null : secondOf(minute, s, nanos);
    }

    /** The epoch second a minute given as pairs of digits starts at, or {@link #NO_DAY} when it is none (as for {@link #instant}). */
    private static long minuteStart(int century, int yy, int m, int d, int h, int mi) {
        if (h < 0 || mi < 0 || h > 23 || mi > 59) return NO_DAY;
        long day = epochDay(century, yy, m, d);
        return day == NO_DAY ? NO_DAY : day * 86_400L + h * 3600L + mi * 60L;
    }

    /** Second {@code s} (two digits, -1 when not) of a minute, or null when it is none (past 60, a leap second's). */
    private static Instant secondOf(long minute, int s, int nanos) {
        return s < 0 || s > 60 ? null : Instant.ofEpochSecond(minute + s, nanos);
    }

    /** What {@link #epochDay} says of text that is no date. */
    static final long NO_DAY = Long.MIN_VALUE;
    private static final int[] MONTH_DAYS = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final int[] DAYS_BEFORE_MONTH = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    /** 1 for the month whose length a leap day changes. */
    private static final int[] FEBRUARY = {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** 1 for the months a leap day comes before. */
    private static final int[] AFTER_FEBRUARY = {0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    /**
     * The days from 1970-01-01 to the date {@code yyyy-MM-dd} at {@code t[o]}, or {@link #NO_DAY}
     * when it is none ({@link java.time.LocalDate#parse} would refuse it). Reckoned with tables and
     * arithmetic where a valid date could take one way or another: no branch depends on which date it
     * is, so the compiled reading path meets nothing new when a log passes midnight (a cache of the last
     * date, missed only then, made the compiler throw its code away and compile it again; the cache of
     * the last minute in {@link #isoFast(byte[], int, int)} is missed every minute of a log, and by the
     * first line of every reader).
     */
    static long epochDay(String t, int o) {
        return epochDay(two(t, o), two(t, o + 2), two(t, o + 5), two(t, o + 8));
    }

    /** {@link #epochDay(String, int)} of the date's four pairs of digits (-1 for a pair that is none). */
    private static long epochDay(int century, int yy, int m, int d) {
        if ((century | yy) < 0 || m < 1 || m > 12 || d < 1) return NO_DAY;
        // a leap year: yy a multiple of 4, and not 00 unless the century is a multiple of 4
        int leap = zero(yy & 3) & (1 - zero(yy) | zero(century & 3));
        if (d > MONTH_DAYS[m] + (leap & FEBRUARY[m])) return NO_DAY;
        int y = century * 100 + yy;
        // leap years before y, counted from 400 years earlier so that every quotient is of a positive number
        int x = y + 399;
        int leaps = x / 4 - x / 100 + x / 400 - 574; // 574: those up to 1969 (477) and in the 400 years added (97)
        return 365L * (y - 1970) + leaps + DAYS_BEFORE_MONTH[m] + (leap & AFTER_FEBRUARY[m]) + d - 1;
    }

    /** 1 when {@code x} (at least 0) is 0, else 0, without a branch. */
    private static int zero(int x) {
        return (x - 1) >>> 31;
    }

    private static int two(String t, int at) {
        char a = t.charAt(at);
        char b = t.charAt(at + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
        return (a - '0') * 10 + (b - '0');
    }

    private Instant parse(Shape s, String text) {
        Matcher m = s.pattern.matcher(text);
        if (!m.lookingAt()) return null;
        try {
            return switch (s) {
                case ISO, ISO_T -> at(i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6), m.group(7), m.group(8));
                case YMD_SLASH, DOTTED -> at(i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6), m.group(7), null);
                case YY_SLASH -> at(2000 + i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6), m.group(7), null);
                case COMPACT -> at(2000 + i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6), null, null);
                case APACHE -> at(i(m, 7), month(m.group(1)) + 1, i(m, 2), i(m, 3), i(m, 4), i(m, 5), m.group(6), null);
                case SYSLOG -> yearless(month(m.group(1)) + 1, i(m, 2), i(m, 3), i(m, 4), i(m, 5), m.group(6));
                case MONTH_DAY, MONTH_DAY_DASH -> yearless(i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), m.group(6));
                case ACCESS -> at(i(m, 3), month(m.group(2)) + 1, i(m, 1), i(m, 4), i(m, 5), i(m, 6), null, m.group(7));
                case DAY_MONTH_YEAR -> at(i(m, 3), month(m.group(2)) + 1, i(m, 1), i(m, 4), i(m, 5), i(m, 6), m.group(7), null);
                case EPOCH_MS -> Instant.ofEpochMilli(Long.parseLong(m.group(1)));
                case EPOCH -> Instant.ofEpochSecond(Long.parseLong(m.group(1)), nanos(m.group(2)));
            };
        } catch (RuntimeException e) {
            return null; // month 13, day 32: not a timestamp after all
        }
    }

    private Instant yearless(int mo, int d, int h, int mi, int s, String frac) {
        Instant t = at(defaultYear, mo, d, h, mi, s, frac, null);
        if (latest == null || !t.isAfter(latest) || (mo == 2 && d == 29)) return t;
        return at(defaultYear - 1, mo, d, h, mi, s, frac, null);
    }

    private static int i(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    private static Instant at(int y, int mo, int d, int h, int mi, int s, String frac, String offset) {
        LocalDateTime t = LocalDateTime.of(y, mo, d, h, mi, s, nanos(frac));
        ZoneOffset z = ZoneOffset.UTC;
        if (offset != null && !offset.equals("Z")) {
            String o = offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
            z = ZoneOffset.of(o);
        }
        return t.toInstant(z);
    }

    private static int nanos(String frac) {
        if (frac == null || frac.isEmpty()) return 0;
        int n = Integer.parseInt(frac);
        for (int k = frac.length(); k < 9; k++) n *= 10;
        return n;
    }

    private static int month(String name) {
        return name == null ? -1 : MONTHS.indexOf(name.toLowerCase(java.util.Locale.ROOT));
    }
}
