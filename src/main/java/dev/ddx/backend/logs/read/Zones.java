package dev.ddx.backend.logs.read;

import java.util.Map;

/**
 * The time zone written after a log's time, as PostgreSQL's {@code %m} writes it ({@code 2024-03-01
 * 10:00:00.101 CET}): an abbreviation, or an offset ({@code +03}, {@code -0530}) where the zone has
 * none. Abbreviations name their offset with daylight saving time already in it ({@code CEST} is
 * +2); those used for more than one zone take PostgreSQL's default reading ({@code CST} is US
 * Central); {@code IST} (India, Ireland or Israel) is not read.
 */
final class Zones {
    /** What {@link #offset} says of text that is no zone. */
    static final int NONE = Integer.MIN_VALUE;

    private static final int H = 3600;
    private static final Map<String, Integer> ABBREVIATIONS = Map.ofEntries(
            Map.entry("UTC", 0), Map.entry("UT", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0),
            Map.entry("WEST", H), Map.entry("BST", H), Map.entry("CET", H), Map.entry("MET", H),
            Map.entry("CEST", 2 * H), Map.entry("MEST", 2 * H), Map.entry("EET", 2 * H), Map.entry("SAST", 2 * H),
            Map.entry("EEST", 3 * H), Map.entry("MSK", 3 * H),
            Map.entry("EST", -5 * H), Map.entry("EDT", -4 * H), Map.entry("CST", -6 * H), Map.entry("CDT", -5 * H),
            Map.entry("MST", -7 * H), Map.entry("MDT", -6 * H), Map.entry("PST", -8 * H), Map.entry("PDT", -7 * H),
            Map.entry("AKST", -9 * H), Map.entry("AKDT", -8 * H), Map.entry("HST", -10 * H),
            Map.entry("JST", 9 * H), Map.entry("KST", 9 * H), Map.entry("HKT", 8 * H), Map.entry("SGT", 8 * H),
            Map.entry("AWST", 8 * H), Map.entry("ACST", 9 * H + H / 2), Map.entry("ACDT", 10 * H + H / 2),
            Map.entry("AEST", 10 * H), Map.entry("AEDT", 11 * H), Map.entry("NZST", 12 * H), Map.entry("NZDT", 13 * H));

    private Zones() {
    }

    /** Whether the token is a zone {@link #offset} reads. */
    static boolean isZone(String token) {
        return offset(token, 0, token.length()) != NONE;
    }

    /** The zone's offset from UTC in seconds, or {@link #NONE}. */
    static int offset(String s, int from, int to) {
        int n = to - from;
        if (n >= 3 && (s.charAt(from) == '+' || s.charAt(from) == '-')) return numeric(s, from, to);
        if (n < 1 || n > 4) return NONE;
        Integer known = ABBREVIATIONS.get(s.substring(from, to));
        return known == null ? NONE : known;
    }

    /** {@code +hh}, {@code +hhmm} or {@code +hh:mm} (or with a minus), up to 14 hours. */
    private static int numeric(String s, int from, int to) {
        int n = to - from;
        if (n != 3 && n != 5 && n != 6) return NONE;
        int minutesAt = n == 6 ? from + 4 : from + 3;
        if (n == 6 && s.charAt(from + 3) != ':') return NONE;
        int h = two(s, from + 1);
        int m = n == 3 ? 0 : two(s, minutesAt);
        if (h < 0 || m < 0 || h > 14 || m > 59) return NONE;
        int seconds = h * H + m * 60;
        return s.charAt(from) == '-' ? -seconds : seconds;
    }

    private static int two(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        return a >= '0' && a <= '9' && b >= '0' && b <= '9' ? (a - '0') * 10 + (b - '0') : -1;
    }
}
