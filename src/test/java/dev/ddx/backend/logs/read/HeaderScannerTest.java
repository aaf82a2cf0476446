package dev.ddx.backend.logs.read;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written header reader must read every line exactly as the detected header's regular
 * expression does: same match or no match, same fields. Each sample line's own signature is
 * tried on every line of its file (so near misses, continuation lines and other layouts are
 * compared too), on crafted lines and on the Loghub samples when the fixtures are present.
 */
class HeaderScannerTest {
    static final List<String> CRAFTED = List.of(
            "2024-03-01 10:00:00,123 INFO  [worker-1] com.shop.Http: GET /api/orders/1 200 took 3 ms",
            "2024-03-01 10:00:00,123 ERROR [main] com.shop.OrderService: order 999 failed",
            "2024-03-01 10:00:00.123456789 WARN [pool-1-thread-2 [x]] a.b.C: heap used 200 MB",
            "2024-03-01T10:00:00Z INFO [t] c.d: z",
            "2024-03-01T10:00:00+05:30 INFO [t] c.d: z",
            "2024-03-01T10:00:00+0530 INFO [t] c.d: z",
            "2024-03-01T10:00:00+05:3 INFO [t] c.d: z",
            "2024-03-01 10:00:00,1234567890 INFO [t] c.d: z",
            "2024-03-01 10:00:00, INFO [t] c.d: z",
            "2024-03-01 10:00:00 INFO [t [unclosed] c.d: z",
            "2024-03-01 10:00:00 INFO [t] c:d:e: z",
            "2024-03-01 10:00:00 INFO [t] sshd[123]: Accepted password",
            "2024-03-01 10:00:00 INFO [t] sshd[12a]: x: y",
            "2024-03-01 10:00:00 INFO [t] sshd[12]x: y",
            "2024-03-01 10:00:00 INFO [t] :x",
            "2024-03-01 10:00:00 INFO [t] x",
            "2024-03-01 10:00:00 INFO: starting [t] up: now",
            "2024-03-01 10:00:00 [ INFO ] [t] c.d: z",
            "[2024-03-01 10:00:00,001] [WARN] main - Disk low",
            "[2024-03-01 10:00:00,001] WARN main - Disk low",
            "[2024-03-01 10:00:00,001 WARN main - Disk low",
            "2024-03-01 10:00:00 - 123 INFO c.d | x",
            "2024-03-01 10:00:00 12 34 DEBUG foo: bar",
            "2024-03-01 10:00:00\tINFO\t[t]\tc.d:\tz",
            "2024-03-01 10:00:00 INFO [t] c.d:",
            "2024-03-01 10:00:00 INFO [t]",
            "2024-03-01 10:00:00 INFO",
            "2024-03-01 10:00:00",
            "2024-03-01",
            "\tat com.shop.OrderService.ship(OrderService.java:88)",
            "Caused by: java.sql.SQLTransientConnectionException: pool exhausted",
            "",
            "2024-13-01 10:00:00 INFO [t] c.d: z",
            "2024-03-01 10:00:00 INFO [t] c.d: z \uD83D\uDE00 [x] y",
            "2024-03-01 10:00:00 INFO [t\uD83D\uDE00] c\u00e9.d: z",
            "2024-03-01 10:00:00,5 warn [t] c.d: z",
            "2024-03-01 10:00:00,5 Error [t] c.d: z",
            "2024-03-01 10:00:00,5 FATAL [t] c.d: z",
            "2024-03-01 10:00:00,5 FINE [t] c.d: z",
            "2024-03-01 10:00:00,5 INFOX [t] c.d: z",
            "2024-03-01 10:00:00,5 EROR [t] c.d: z",
            "2024-03-01 10:00:00,5 IMFO [t] c.d: z",
            "2024-03-01 10:00:00,5 DEBUX [t] c.d: z",
            "INFO 2024-03-01 10:00:00,123 [worker-1] com.shop.Http: GET /api/orders/1 200 took 3 ms",
            "ERROR  2024-03-01T10:00:00.5Z [main] c.d: z",
            "[WARN] 2024-03-01 10:00:00 main - Disk low",
            "WARN [2024-03-01 10:00:00,001] [t] c.d: z",
            "INFO 2024-03-01 10:00:00,123",
            "INFO 2024-03-01 10:00:00,123:x [t] c.d: z",
            "INFO 2024-13-01 10:00:00 [t] c.d: z",
            "2024-03-01 10:00:00 1702 D Tag: z",
            "2024-03-01 10:00:00 I am here: z",
            "I0624 14:36:53.123456    1234 server.go:42] z",
            "03-17 16:13:38.811  1702  2395 D WindowManager: z");

    @Test
    void scannerReadsEveryLineAsTheExpressionDoesOnCraftedLines() {
        assertTrue(compareAll(CRAFTED) > 0, "no crafted line got a scanner");
    }

    @Test
    void scannerReadsEveryLineAsTheExpressionDoesOnLoghubSamples() throws IOException {
        String f = System.getProperty("ddx.fixtures.dir");
        Path dir = f == null ? null : Path.of(f, "loghub");
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "Loghub fixtures absent (ddx.fixtures.dir/loghub)");
        List<Path> logs;
        try (Stream<Path> s = Files.walk(dir)) {
            logs = s.filter(p -> p.toString().endsWith("_2k.log")).sorted().toList();
        }
        int scanners = 0;
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            scanners += compareAll(lines.subList(0, Math.min(lines.size(), 400)));
            HeaderSpec detected = HeaderDetector.detect(lines.subList(0, Math.min(lines.size(), EventReader.SAMPLE)));
            compare(detected, lines);
        }
        assertTrue(scanners > 100, "few Loghub lines got a scanner: " + scanners);
    }

    @Test
    void theBenchmarkHeaderIsReadByTheScanner() {
        HeaderSpec spec = HeaderDetector.detect(CRAFTED.subList(0, 2));
        assertNotNull(spec.scanner(), spec.text());
        HeaderParser p = new HeaderParser(spec, new TimestampParser(2024));
        ParsedHeader h = p.parse(CRAFTED.get(0));
        assertEquals("INFO", h.level());
        assertEquals("worker-1", h.thread());
        assertEquals("com.shop.Http", h.component());
        assertEquals("GET /api/orders/1 200 took 3 ms", h.content());
        assertEquals(Optional.of(java.time.Instant.parse("2024-03-01T10:00:00.123Z")), h.time());
    }

    /** Each line's own signature, tried on every line; returns how many signatures had a scanner. */
    private static int compareAll(List<String> lines) {
        int scanners = 0;
        for (String line : lines) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) continue;
            List<HeaderDetector.Element> sig = HeaderDetector.signature(line);
            if (sig.isEmpty()) continue;
            HeaderSpec spec = HeaderDetector.detect(List.of(line));
            if (spec.scanner() == null) continue;
            scanners++;
            compare(spec, lines);
        }
        return scanners;
    }

    private static void compare(HeaderSpec spec, List<String> lines) {
        HeaderScanner scanner = spec.scanner();
        if (scanner == null) return;
        int[] bounds = new int[2 * scanner.groups()];
        for (String line : lines) {
            java.util.regex.Matcher m = spec.pattern().matcher(line);
            boolean expected = m.lookingAt();
            boolean actual = scanner.scan(line, bounds);
            assertEquals(expected, actual, () -> "match of [" + line + "] with " + spec.text() + " " + spec.pattern());
            if (!expected) continue;
            List<String> want = new ArrayList<>();
            List<String> got = new ArrayList<>();
            for (int g = 0; g < scanner.groups(); g++) {
                want.add(m.group(g + 1));
                got.add(bounds[2 * g] < 0 ? null : line.substring(bounds[2 * g], bounds[2 * g + 1]));
            }
            assertEquals(want, got, () -> "groups of [" + line + "] with " + spec.text() + " " + spec.pattern());
        }
        compareBytes(scanner, lines, new java.util.Random(lines.size()));
        compareFields(spec, lines);
    }

    /** The level and time a header parser reads from an ASCII line's bytes are those it reads from its text. */
    private static void compareFields(HeaderSpec spec, List<String> lines) {
        HeaderParser parser = new HeaderParser(spec, new TimestampParser(2024));
        int[] b = parser.newBounds();
        for (String line : lines) {
            if (!line.chars().allMatch(c -> c < 0x80)) continue;
            byte[] bytes = java.util.Arrays.copyOf(line.getBytes(StandardCharsets.US_ASCII), line.length() + AsciiBytes.PAD);
            if (!parser.scan(line, bytes, b)) continue;
            assertEquals(parser.level(line, b), parser.level(line, bytes, b), () -> "level of [" + line + "]");
            assertEquals(parser.time(line, b), parser.time(line, bytes, b), () -> "time of [" + line + "]");
        }
    }

    /**
     * The byte-wise scanner must read every ASCII line as the char-wise one does, whatever lies in
     * the spare bytes after the line (what an earlier, longer line left there: here random bytes
     * of the kinds the scanner looks for).
     */
    private static void compareBytes(HeaderScanner scanner, List<String> lines, java.util.Random random) {
        int[] want = new int[2 * scanner.groups()];
        int[] got = new int[2 * scanner.groups()];
        // and with the ends of the headers read before kept, the lines in order (each cut or mangled line
        // comes just after lines whose ends it shares, or almost)
        HeaderTails tails = new HeaderTails(scanner.groups());
        int[] viaTails = new int[2 * scanner.groups()];
        String junk = " \t[]:-,.Z+0123456789aT\u001b";
        for (String line : lines) {
            if (!line.chars().allMatch(c -> c < 0x80)) continue;
            byte[] bytes = new byte[line.length() + AsciiBytes.PAD + random.nextInt(9)];
            for (int k = 0; k < bytes.length; k++) bytes[k] = (byte) junk.charAt(random.nextInt(junk.length()));
            for (int k = 0; k < line.length(); k++) bytes[k] = (byte) line.charAt(k);
            java.util.Arrays.fill(want, -7);
            java.util.Arrays.fill(got, -7);
            boolean expected = scanner.scan(line, want);
            assertEquals(expected, scanner.scan(bytes, line.length(), got, null), () -> "byte-wise match of [" + line + "]");
            if (expected) assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(got), () -> "byte-wise groups of [" + line + "]");
            java.util.Arrays.fill(viaTails, -7);
            assertEquals(expected, scanner.scan(bytes, line.length(), viaTails, tails), () -> "match of [" + line + "] after the ends kept");
            if (expected) {
                assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(viaTails), () -> "groups of [" + line + "] after the ends kept");
            }
        }
    }

    @Test
    void aLineWhoseHeaderEndsAsAnEarlierOnesIsReadByOneComparison() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            String thread = i % 10 < 8 ? "http-nio-8080-exec-" + (i % 10) : "main";
            lines.add(String.format("2024-03-01 10:%02d:%02d,%03d %-5s [%s] com.shop.Service%d: request %d took %d ms",
                    i / 3600 % 60, i / 60 % 60, i % 1000, i % 7 == 0 ? "WARN" : "INFO", thread, i % 3, i, i % 17));
        }
        HeaderSpec spec = HeaderDetector.detect(lines.subList(0, 50));
        HeaderScanner scanner = spec.scanner();
        assertNotNull(scanner, spec.text());
        HeaderTails tails = new HeaderTails(scanner.groups());
        int[] want = new int[2 * scanner.groups()];
        int[] got = new int[2 * scanner.groups()];
        for (String line : lines) {
            byte[] bytes = java.util.Arrays.copyOf(line.getBytes(StandardCharsets.US_ASCII), line.length() + AsciiBytes.PAD);
            assertTrue(scanner.scan(line, want), line);
            assertTrue(scanner.scan(bytes, line.length(), got, tails), line);
            assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(got), line);
        }
        // 2 levels, 9 threads and 3 components make at most 54 ends: once they are kept, every line is a hit
        assertTrue(tails.hits() >= lines.size() * 9 / 10, "hits: " + tails.hits());
    }

    @Test
    void aKeptEndIsReadWhereverTheTimeEndsAndKeepsTheGroupsThatTookNoPart() {
        // the same ends after times of other widths, a component with and without a process id (a
        // group that takes no part), an end followed by whitespace, by nothing, and cut short
        List<String> lines = new ArrayList<>();
        for (String fraction : List.of(",5", ",123", ".123456", ".123456789", "", ",12")) {
            for (String end : List.of(" INFO [main] sshd[42]: ", " INFO [main] sshd: ", " WARN [worker 1] kernel: ")) {
                for (String content : List.of("accepted", "\taccepted", " accepted", "", "x: y")) {
                    lines.add("2024-03-01 10:00:00" + fraction + end + content);
                }
                lines.add("2024-03-01 10:00:00" + fraction + end.substring(0, end.length() - 3));
            }
        }
        HeaderScanner scanner = HeaderDetector.detect(lines.subList(0, 1)).scanner();
        assertNotNull(scanner);
        HeaderTails tails = new HeaderTails(scanner.groups());
        int[] want = new int[2 * scanner.groups()];
        int[] got = new int[2 * scanner.groups()];
        for (String line : lines) {
            byte[] bytes = java.util.Arrays.copyOf(line.getBytes(StandardCharsets.US_ASCII), line.length() + AsciiBytes.PAD);
            java.util.Arrays.fill(want, -7);
            java.util.Arrays.fill(got, -7);
            boolean expected = scanner.scan(line, want);
            assertEquals(expected, scanner.scan(bytes, line.length(), got, tails), line);
            if (expected) assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(got), line);
        }
        assertTrue(tails.hits() > 15, "hits: " + tails.hits());
    }

    @Test
    void headersThatSeldomEndAlikeAreReadInFullAndEndsThatRepeatLaterAreFound() {
        // an id in every header for a while (the table finds nothing and keeps few), then ten ends again and again
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8000; i++) lines.add("2024-03-01 10:00:00,000 INFO [request-" + i + "] com.shop.Service: handled " + i);
        for (int i = 0; i < 8000; i++) lines.add("2024-03-01 10:00:00,000 INFO [worker-" + (i % 10) + "] com.shop.Service: handled " + i);
        HeaderScanner scanner = HeaderDetector.detect(lines.subList(0, 50)).scanner();
        HeaderTails tails = new HeaderTails(scanner.groups());
        int[] want = new int[2 * scanner.groups()];
        int[] got = new int[2 * scanner.groups()];
        long hitsOfIds = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            byte[] bytes = java.util.Arrays.copyOf(line.getBytes(StandardCharsets.US_ASCII), line.length() + AsciiBytes.PAD);
            assertTrue(scanner.scan(line, want), line);
            assertTrue(scanner.scan(bytes, line.length(), got, tails), line);
            assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(got), line);
            if (i == 7999) hitsOfIds = tails.hits();
        }
        assertEquals(0, hitsOfIds);
        // one new end in SAMPLE is kept while few are found: each worker's end is kept within a few hundred lines
        assertTrue(tails.hits() > 8000 - 10 * 2 * HeaderTails.SAMPLE * 10, "hits: " + tails.hits());
    }

    @Test
    void byteWiseScannerReadsCutAndMangledLinesAsTheCharWiseOne() {
        // every crafted line cut at every length, and with bytes changed at random to ones a header is made of
        java.util.Random random = new java.util.Random(42);
        String alphabet = " \t\u000b[]:-,.Z+T0123456789aZ_\u0001";
        List<String> lines = new ArrayList<>();
        for (String line : CRAFTED) {
            for (int cut = 0; cut <= line.length(); cut++) lines.add(line.substring(0, cut));
            for (int round = 0; round < 200; round++) {
                char[] c = line.toCharArray();
                for (int k = random.nextInt(3); k >= 0 && c.length > 0; k--) c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                lines.add(new String(c));
            }
        }
        int scanners = 0;
        for (String line : CRAFTED) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) continue;
            HeaderSpec spec = HeaderDetector.detect(List.of(line));
            if (spec.scanner() == null) continue;
            scanners++;
            compare(spec, lines);
        }
        assertTrue(scanners > 10, "few crafted lines got a scanner: " + scanners);
    }
}
