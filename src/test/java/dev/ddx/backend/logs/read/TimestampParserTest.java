package dev.ddx.backend.logs.read;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timestamps without a year (syslog) are read against the time of reading, never placed in the future. */
class TimestampParserTest {
    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void aYearlessDateIsThisYearsUnlessThatIsMoreThanADayAhead() {
        TimestampParser p = new TimestampParser(NOW);
        assertEquals(Optional.of(Instant.parse("2026-11-21T08:59:00Z")), p.parse("Nov 21 08:59:00 host sshd[1]: x"));
        assertEquals(Optional.of(Instant.parse("2026-06-14T15:16:01Z")), p.parse("Jun 14 15:16:01 combo sshd(pam_unix)[19937]: x"));
        // within a day ahead: a server in a time zone east of UTC, not last year
        assertEquals(Optional.of(Instant.parse("2026-11-22T03:00:00Z")), p.parse("Nov 22 03:00:00 host cron[2]: x"));
        // the OpenSSH sample's "Dec 10", read in November, was written last December
        assertEquals(Optional.of(Instant.parse("2025-12-10T06:55:46Z")), p.parse("Dec 10 06:55:46 LabSZ sshd[24200]: x"));
    }

    /** glog's and klog's {@code MMdd HH:mm:ss.uuuuuu} and logcat's {@code MM-dd HH:mm:ss.SSS} have no year either. */
    @Test
    void monthAndDayTimesGetTheirYearLikeSyslogs() {
        TimestampParser p = new TimestampParser(NOW);
        assertEquals(Optional.of(Instant.parse("2026-06-24T14:36:53.123456Z")), p.parse("0624 14:36:53.123456"));
        assertEquals(Optional.of(Instant.parse("2025-12-10T06:55:46.811Z")), p.parse("12-10 06:55:46.811"));
        int[] end = new int[1];
        assertEquals(TimestampParser.Shape.MONTH_DAY, TimestampParser.shapeAt("I0624 14:36:53.123456  1 a.go:1] x", 1, end));
        assertEquals(21, end[0]);
        assertEquals(TimestampParser.Shape.MONTH_DAY_DASH, TimestampParser.shapeAt("03-17 16:13:38.811  1702  2395 D Tag: x", 0, end));
        // four digits and a time that make no date are no timestamp
        for (String no : List.of("1324 10:00:00 x", "0632 10:00:00 x", "0000 10:00:00 x", "0624 25:00:00 x", "13-01 10:00:00 x")) {
            assertEquals(null, TimestampParser.shapeAt(no, 0, end), no);
        }
    }

    @Test
    void aGivenYearIsKeptAsItIs() {
        assertEquals(Optional.of(Instant.parse("2024-12-10T06:55:46Z")), new TimestampParser(2024).parse("Dec 10 06:55:46 LabSZ sshd[24200]: x"));
    }

    @Test
    void timestampsWithAYearAreNotMoved() {
        assertEquals(Optional.of(Instant.parse("2027-03-01T10:00:00.001Z")),
                new TimestampParser(NOW).parse("2027-03-01 10:00:00,001 INFO [main] app: x"));
    }

    @Test
    void everyDateIsTheDayJavaTimeSaysAndANonDateIsNone() {
        TimestampParser p = new TimestampParser(NOW);
        java.time.LocalDate last = java.time.LocalDate.of(2400, 12, 31);
        for (java.time.LocalDate d = java.time.LocalDate.of(1600, 1, 1); !d.isAfter(last); d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), TimestampParser.epochDay(d.toString(), 0), d.toString());
        }
        for (String d : List.of("0000-01-01", "0000-02-29", "0001-03-01", "1969-12-31", "9999-12-31")) {
            assertEquals(java.time.LocalDate.parse(d).toEpochDay(), TimestampParser.epochDay(d, 0), d);
        }
        for (String d : List.of("2023-02-29", "1900-02-29", "2100-02-29", "2024-04-31", "2024-13-01", "2024-00-10",
                "2024-01-00", "2024-01-32", "20x4-01-01", "2024-1a-01")) {
            assertEquals(TimestampParser.NO_DAY, TimestampParser.epochDay(d, 0), d);
            assertEquals(Optional.empty(), p.parse(d + " 10:00:00,001 INFO x"), d);
        }
        // a log that passes midnight, a month's end and a leap day, read by one parser
        List<String> times = List.of("2024-02-28 23:59:59,999", "2024-02-29 00:00:00,000", "2024-03-01 00:00:01,5", "2024-12-31 23:59:59",
                "2025-01-01 00:00:00");
        for (String t : times) {
            assertEquals(Optional.of(java.time.LocalDateTime.parse(t.replace(' ', 'T').replace(',', '.')).toInstant(java.time.ZoneOffset.UTC)),
                    p.parse(t + " INFO [main] app: x"), t);
        }
    }

    @Test
    void theBytesOfAnAsciiLineGiveTheTimeItsTextGives() {
        // every day of 1999–2025 at a few times, then dates and times with a char changed, cut or
        // followed by a zone, each with random bytes past its end (what a longer line left there)
        TimestampParser p = new TimestampParser(NOW);
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (java.time.LocalDate d = java.time.LocalDate.of(1999, 1, 1); d.getYear() < 2026; d = d.plusDays(1)) {
            texts.add(d + " 23:59:59,999 INFO x");
            texts.add(d + "T00:00:00");
        }
        String alphabet = "0123456789 -:T,.Z+x";
        for (String base : List.of("2024-02-29 10:00:00,123456789", "2024-03-01 23:59:60.5 ERROR", "2023-12-31T23:59:59Z", "2024-06-01 12:00:00+02:00")) {
            for (int cut = 0; cut <= base.length(); cut++) texts.add(base.substring(0, cut));
            for (int round = 0; round < 3000; round++) {
                char[] c = base.toCharArray();
                c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                texts.add(new String(c));
            }
        }
        int read = 0;
        for (String text : texts) {
            byte[] bytes = new byte[text.length() + AsciiBytes.PAD];
            for (int k = 0; k < bytes.length; k++) bytes[k] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            for (int k = 0; k < text.length(); k++) bytes[k] = (byte) text.charAt(k);
            int to = text.indexOf(' ', 11) < 0 ? text.length() : text.indexOf(' ', 11);
            Optional<Instant> want = p.parse(text, 0, to);
            assertEquals(want, p.parse(text, bytes, 0, to), text);
            if (want.isPresent()) read++;
        }
        assertTrue(read > 20_000, "few texts were timestamps: " + read);
    }

    @Test
    void aLineOfTheMinuteReadJustBeforeGivesWhatAFreshParserGives() {
        // the byte reader keeps the last minute it read: every change after the minute's sixteen bytes
        // (seconds, fraction, what follows) is read after a line of that minute, and must give what a
        // parser that never saw the minute gives, as must a line that differs in the minute's bytes
        String minute = "2024-03-01 10:00";
        List<String> tails = new ArrayList<>(List.of(":00", ":59", ":60", ":61", ":99", ":6", ":", "", "x00", ":0x", ":x0",
                ":00,", ":00,5", ":00.123456789", ":00,1234567891", ":00 ERROR", ":00Z", ":00+02:00", ":00,5x"));
        Random random = new Random(11);
        String alphabet = "0123456789 -:T,.Z+x";
        for (int round = 0; round < 2000; round++) {
            char[] c = ":07,250 INFO".toCharArray();
            c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            tails.add(new String(c));
        }
        TimestampParser warm = new TimestampParser(NOW);
        int differ = 0;
        for (String tail : tails) {
            for (String head : List.of(minute, "2024-03-01 10:01", "2024-03-01T10:00", "2024-03-01 24:00", "2024-02-30 10:00")) {
                String text = head + tail;
                int to = text.indexOf(' ', 11) < 0 ? text.length() : text.indexOf(' ', 11);
                byte[] primer = bytesOf(minute + ":30,000 INFO x");
                assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:30Z")), warm.parse(minute + ":30,000 INFO x", primer, 0, 23));
                Optional<Instant> fresh = new TimestampParser(NOW).parse(text, 0, to);
                assertEquals(fresh, warm.parse(text, bytesOf(text), 0, to), text);
                if (fresh.isEmpty()) differ++;
            }
        }
        assertTrue(differ > 1000, "few texts were no timestamps: " + differ);
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:59.5Z")), warm.parse(minute + ":59,5", bytesOf(minute + ":59,5"), 0, 21));
    }

    /** The bytes of an ASCII text with padding after it that looks like more of a line. */
    private static byte[] bytesOf(String text) {
        byte[] bytes = (text + "9:00,0 x").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(bytes, Math.max(bytes.length, text.length() + AsciiBytes.PAD));
    }

    @Test
    void onlyAsciiDigitsMakeAFractionOfASecond() {
        // as the ISO shape's \d: an Arabic-Indic three after the comma is no fraction, so the time is the whole second
        assertEquals(Optional.of(Instant.parse("2027-03-01T10:00:00Z")),
                new TimestampParser(NOW).parse("2027-03-01 10:00:00,\u0663 INFO [main] app: x"));
        assertEquals(Optional.of(Instant.parse("2027-03-01T10:00:00.300Z")),
                new TimestampParser(NOW).parse("2027-03-01 10:00:00,3\u0663 INFO [main] app: x"));
    }

    @Test
    void aLineThatStartsWithALetterIsOnlyTriedAsATimestampWhenItStartsLikeOne() throws IOException {
        List<String> lines = new ArrayList<>(List.of("Mar  1 10:00:00 host x", "Sun Dec 04 04:47:44 2005 [error] x",
                "Caused by: java.sql.SQLException: x", "Mar", "Mar ", "MAR  1 10:00:00", "Ma1  1 10:00:00", "Dec 10 06:55:46 LabSZ"));
        Path fixtures = ExceptionHeadTest.fixtures();
        if (fixtures != null) {
            try (Stream<Path> files = Files.walk(fixtures)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    lines.addAll(List.of(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).split("\n")));
                }
            }
        }
        Random random = new Random(2);
        String letters = "AMSDcaeu 1:0";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(20); k >= 0; k--) b.append(letters.charAt(random.nextInt(letters.length())));
            lines.add(b.toString());
        }
        int letterShapes = 0;
        for (String line : lines) {
            if (line.isEmpty() || line.charAt(0) < 'A' || line.charAt(0) > 'Z') continue;
            TimestampParser.Shape got = TimestampParser.shapeAt(line, 0, new int[1]);
            for (TimestampParser.Shape shape : TimestampParser.Shape.values()) {
                // a shape the quick test turns away could not have matched the line at all
                if (got == null && shape.pattern.matcher(line).lookingAt()) throw new AssertionError(shape + " in [" + line + "]");
            }
            if (got != null) letterShapes++;
        }
        // the fixtures' syslog and Apache logs bring hundreds; without them, the three made lines above
        assertTrue(fixtures != null ? letterShapes > 100 : letterShapes >= 3, "lines that start with a named timestamp: " + letterShapes);
        assertNotNull(TimestampParser.shapeAt("Mar  1 10:00:00 host x", 0, new int[1]));
    }
}
