package dev.ddx.backend.logs.mine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-pass check of a message against a known shape ({@link Tokens#splitAs}) says exactly what
 * splitting the message and checking every token ({@link Shape#fits}) says, and leaves the same
 * tokens; the miner's text entry point gives the shapes and counts of its token entry point.
 */
class ShapeMatchTest {
    @Test
    void oneLineMatchAgreesWithSplitThenFitOnEveryShapeOfLoghubAndEdgeCases() throws IOException {
        List<String> messages = messages();
        TemplateMiner miner = new TemplateMiner();
        for (String m : messages) miner.add(Tokens.of(m), 1);
        List<Shape> shapes = miner.shapes();
        Tokens reused = Tokens.reusable();
        Random random = new Random(7);
        long hits = 0;
        long checks = 0;
        byteChecks = 0;
        for (String m : messages) {
            Tokens split = Tokens.of(m);
            Shape own = miner.shapeOf(split);
            // its own shape, and others of the same length (where a wrong literal or value must be caught)
            List<Shape> candidates = new ArrayList<>(List.of(own));
            for (int k = 0; k < 3; k++) candidates.add(shapes.get(random.nextInt(shapes.size())));
            for (Shape s : shapes) if (s.size() == split.size() && candidates.size() < 12) candidates.add(s);
            // and shorter or longer ones that start alike (where the end of the message must be checked)
            for (Shape s : shapes) {
                if (s.size() != split.size() && s.size() > 0 && split.size() > 0 && s.token(0).equals(own.token(0))
                        && candidates.size() < 20) candidates.add(s);
            }
            // in the middle of a longer text, as the summary reads a line's content
            String padded = "2024-01-01 00:00:00 INFO x: " + m + " \tafter";
            int from = padded.length() - m.length() - " \tafter".length();
            int to = from + m.length();
            // the line's bytes too, when it is ASCII, with what an earlier line left after its end
            byte[] bytes = asciiBytes(padded, random);
            for (Shape s : candidates) {
                boolean expected = s.fits(split);
                boolean got = reused.splitAs(s, padded, from, to);
                assertEquals(expected, got, () -> "shape [" + s.key() + "] on [" + m + "]");
                checks++;
                if (got) {
                    hits++;
                    assertEquals(split.size(), reused.size(), m);
                    for (int i = 0; i < split.size(); i++) {
                        assertEquals(split.start(i) + from, reused.start(i), m);
                        assertEquals(split.end(i) + from, reused.end(i), m);
                    }
                }
                if (bytes == null) continue;
                // the content cut short too, so the end falls inside a token and inside a word of bytes
                for (int end : new int[] {to, Math.max(from, to - 1), Math.max(from, to - 3), Math.max(from, to - 9)}) {
                    boolean want = reused.splitAs(s, padded, from, end);
                    List<String> wantTokens = want ? reused.list() : List.of();
                    List<Boolean> wantDigits = want ? digitRuns(reused) : List.of();
                    boolean byBytes = reused.splitAs(s, padded, bytes, from, end);
                    assertEquals(want, byBytes, () -> "byte-wise, shape [" + s.key() + "] on [" + padded.substring(from, end) + "]");
                    if (want) assertEquals(wantTokens, reused.list(), m);
                    if (want) assertEquals(wantDigits, digitRuns(reused), () -> "runs of digits in [" + m + "]");
                    byteChecks++;
                }
            }
        }
        System.out.printf("shape match: %d messages, %d shapes, %d checks, %d matches%n", messages.size(), shapes.size(), checks, hits);
        assertTrue(hits >= messages.size(), "every message matches its own shape");
        assertTrue(byteChecks > checks, "few byte-wise checks: " + byteChecks);
    }

    private long byteChecks;

    private static List<Boolean> digitRuns(Tokens t) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) out.add(t.digitRun(i));
        return out;
    }

    /** The text's bytes with {@link dev.ddx.backend.logs.read.AsciiBytes#PAD} random ones after them, or null when it is not ASCII. */
    private static byte[] asciiBytes(String text, Random random) {
        if (!text.chars().allMatch(c -> c < 0x80)) return null;
        String junk = " \tab0123456789:=_-";
        byte[] bytes = new byte[text.length() + dev.ddx.backend.logs.read.AsciiBytes.PAD];
        for (int k = 0; k < bytes.length; k++) bytes[k] = k < text.length() ? (byte) text.charAt(k) : (byte) junk.charAt(random.nextInt(junk.length()));
        return bytes;
    }

    @Test
    void minerCountsTheSameThroughTextAsThroughTokens() throws IOException {
        List<String> messages = messages();
        TemplateMiner byTokens = new TemplateMiner();
        TemplateMiner byText = new TemplateMiner();
        TemplateMiner byBytes = new TemplateMiner();
        Tokens reused = Tokens.reusable();
        Random random = new Random(3);
        for (String m : messages) {
            Shape a = byTokens.add(Tokens.of(m), 1);
            Shape b = byText.add(m, 0, m.length(), reused);
            assertEquals(a.key(), b.key(), m);
            assertEquals(a.order(), b.order(), m);
            assertEquals(Tokens.of(m).list(), reused.list(), m);
            Shape c = byBytes.add(m, asciiBytes(m, random), 0, m.length(), reused);
            assertEquals(a.key(), c.key(), m);
            assertEquals(Tokens.of(m).list(), reused.list(), m);
        }
        List<Shape> x = byTokens.shapes();
        for (TemplateMiner other : List.of(byText, byBytes)) {
            List<Shape> y = other.shapes();
            assertEquals(x.size(), y.size());
            for (int i = 0; i < x.size(); i++) {
                assertEquals(x.get(i).key(), y.get(i).key());
                assertEquals(x.get(i).count(), y.get(i).count(), x.get(i).key());
            }
        }
    }

    @Test
    void findingAMessagesShapeAfterCountingGivesWhatShapeOfGives() throws IOException {
        List<String> messages = messages();
        for (int max : new int[] {100_000, 300}) { // the second fills up: general and nearest shapes too
            TemplateMiner miner = new TemplateMiner(max);
            Tokens reused = Tokens.reusable();
            for (String m : messages) miner.add(m, 0, m.length(), reused);
            long before = miner.shapes().stream().mapToLong(Shape::count).sum();
            for (String m : messages) {
                Tokens split = Tokens.of(m);
                assertSame(miner.shapeOf(split), miner.find(m, 0, m.length(), reused), m);
                assertEquals(split.list(), reused.list(), m);
            }
            assertEquals(before, miner.shapes().stream().mapToLong(Shape::count).sum(), "finding counts nothing");
        }
    }

    @Test
    void aFullTableMakesTheNearestShapeGeneralAndCountsLaterFormsUnderIt() {
        TemplateMiner miner = new TemplateMiner(2);
        Tokens reused = Tokens.reusable();
        Shape a = miner.add("open file a", 0, 11, reused);
        miner.add("close file b", 0, 12, reused);
        Shape general = miner.add("open door a", 0, 11, reused); // a third form: the table is full
        assertEquals("open <*> a", general.key());
        assertSame(general, miner.add("open window a", 0, 13, reused));
        assertSame(a, miner.add("open file a", 0, 11, reused));
        assertEquals(3, miner.shapeCount());
        assertEquals(2, miner.approximated());
        assertEquals(2, general.count());
    }

    @Test
    void aFullTableCountsNewFormsUnderTheNearestShapeMadeGeneral() {
        String[] words = {"open", "close", "read", "file", "door", "by", "user", "root", "at", "7", "x9", "/tmp/a", "ok", "failed"};
        Random random = new Random(11);
        int nearestSeen = 0;
        // {table size, shortest, longest}: the last has more shapes of one length than are compared
        for (int[] c : new int[][] {{40, 1, 7}, {300, 1, 7}, {600, 4, 4}}) {
            int max = c[0];
            TemplateMiner miner = new TemplateMiner(max);
            Tokens reused = Tokens.reusable();
            int made = 0;
            int general = 0;
            int nearest = 0;
            for (int m = 0; m < 6000; m++) {
                int length = c[1] + random.nextInt(c[2] - c[1] + 1);
                StringBuilder b = new StringBuilder();
                for (int k = 0; k < length; k++) b.append(k > 0 ? " " : "").append(words[random.nextInt(words.length)]);
                String message = b.toString();
                List<String> masked = Tokens.of(message).list().stream().map(TokenMasker::mask).toList();
                boolean full = miner.shapeCount() >= max;
                Shape near = full ? nearestByScan(miner, message) : null;
                int before = miner.shapeCount();
                Shape got = miner.add(message, 0, message.length(), reused);
                if (near == null) continue;
                if (miner.shapeCount() > before) {
                    // a new general shape: the nearest one with <*> where it and the message differ
                    for (int k = 0; k < masked.size(); k++) {
                        String expected = near.token(k).equals(masked.get(k)) ? masked.get(k) : TokenMasker.WILDCARD;
                        assertEquals(expected, got.token(k), () -> "[" + message + "] near [" + near.key() + "] made [" + got.key() + "]");
                    }
                    made++;
                } else if (covers(got, masked)) {
                    general++;
                } else {
                    assertSame(near, got, () -> "[" + message + "] joined [" + got.key() + "], not [" + near.key() + "]");
                    nearest++;
                }
            }
            long counted = miner.shapes().stream().mapToLong(Shape::count).sum();
            assertEquals(6000, counted, "every message is counted once");
            assertTrue(miner.shapeCount() <= max + Math.max(16, max / 10) + 7, max + ": " + miner.shapeCount() + " shapes");
            assertTrue(made > 0 && general > 0, max + ": made " + made + ", general " + general);
            nearestSeen += nearest;
            assertTrue(miner.approximated() > 1000, max + ": " + miner.approximated());
        }
        assertTrue(nearestSeen > 0, "once the general shapes are all made, the nearest shape takes new forms");
    }

    /** Whether every token of the shape is the message's or a {@code <*>}. */
    static boolean covers(Shape s, List<String> masked) {
        for (int k = 0; k < masked.size(); k++) {
            if (!s.token(k).equals(TokenMasker.WILDCARD) && !s.token(k).equals(masked.get(k))) return false;
        }
        return true;
    }

    /** What a full table gives, by comparing with every candidate: null when the message's form is known (or its length new). */
    static Shape nearestByScan(TemplateMiner miner, String message) {
        List<String> masked = Tokens.of(message).list().stream().map(TokenMasker::mask).toList();
        String key = String.join(" ", masked);
        List<Shape> same = miner.shapes().stream().filter(s -> s.size() == masked.size()).toList();
        if (same.isEmpty() || same.stream().anyMatch(s -> s.key().equals(key))) return null;
        Shape best = null;
        int bestSim = -1;
        for (Shape c : same.subList(0, Math.min(256, same.size()))) {
            int sim = 0;
            for (int k = 0; k < masked.size(); k++) if (masked.get(k).equals(c.token(k))) sim++;
            if (sim > bestSim) {
                bestSim = sim;
                best = c;
            }
        }
        return best;
    }

    /** Content lines of the Loghub samples when they are here, and hand-made edge cases always. */
    static List<String> messages() throws IOException {
        List<String> out = new ArrayList<>(List.of(
                "", "   ", "GET", "GETX /a/1 200", "GET /a/1 200", "GET  /a/1\t200 ", "GET /a/1 200 extra",
                "took 5 ms", "took 5ms", "took ms", "took 5 ms.", "(took 5 ms)", "rhost=10.0.0.1 user=root",
                "rhost=10.0.0.1 user=", "rhost= user=root", "[10.0.0.1] ok", "[ok] 10", "blk_123 of size 5",
                "blk_abc of size 5", "blk-123 of size 5", "http://x.org/1 redirected", "mail a@b.c sent", "mail a@b sent",
                "Größe 5 überschritten", "size 5 über", "\u00a0nbsp 5", "tab\tseparated\t5", "a  b   c 1",
                "value 0x1F ok", "value -5 ok", "value 1.5e3 ok", "user root failed", "user 1root failed",
                "queue size 12 pending 3", "queue size 12 pending", "queue size pending 3",
                // values longer than a word, and control bytes inside a token (part of it) or between tokens (spaces or not)
                "id 1234567890123456789 of 12345678 ok", "value 12\u000134 ok", "value 1234567\u00018 ok",
                "esc \u001b[31mred\u001b[0m 5", "vt 5\u000b6 ok", "ff 12\f34 ok", "nul 12\u000034 ok", "cr 12\r34",
                // runs of literal tokens, compared in one go where single spaces part them: wider or other
                // whitespace, a token longer or shorter than the shape's, a change on either side of a word's end
                "lost the connection to the primary database after 5 retries",
                "lost the connection to  the primary database after 5 retries",
                "lost the connection to\tthe primary database after 5 retries",
                "lost the connection to the primary\u000bdatabase after 5 retries",
                "lost the connection to the primarydatabase after 5 retries",
                "lost the connection to the primary databases after 5 retries",
                "lost the connection to the primar database after 5 retries",
                "lost the connection to the primary database  after 5 retries",
                "lost the connection to the primary database after 5  retries",
                "lost the connection to the primary database after 5 retries ",
                "lost the connection to the primary database after 5 retries\t",
                "lost the connection to the primary database after 5 retries now",
                "lost the connection to the primary database after 5",
                "lost the connection to the primary database after",
                "lost the connection to the primary database aftex 5 retries",
                "lost the connection to the primary datab\u0001se after 5 retries",
                "  lost the connection to the primary database after 5 retries",
                "queue  size 12 pending 3", "queue size\t12 pending 3", "queue\tsize 12 pending 3", "queue size 12  pending 3",
                "queue sizes 12 pending 3", "queue siz 12 pending 3", "queue size 12 pending 3 4", "queue size 12 pendingx 3",
                // values that end in digits after a head, one after another: the byte-wise match takes the
                // masking of a value whose head it met last, so every other ending must be checked anew
                "GET /api/orders/12 200", "GET /api/orders/13 200", "GET /api/orders/13x 200", "GET /api/orders/ 200",
                "GET /api/orders/1/items 200", "GET /api/orders/12. 200", "GET (/api/orders/12) 200", "GET /api/orders/12345678901234567890 200",
                "GET /api/orders/1\u00012 200", "GET /api/orders/x12 200", "GET /api/order/12 200", "GET /api/orders/12",
                "id blk_12 ok", "id blk_123456789012345678901234567890 ok", "id blk_ ok", "id blk_1a ok", "id blk_a1 ok", "id blk_9 ok",
                "id x=12 ok", "id x=13 ok", "id x=12, ok", "id x= ok", "id x==12 ok", "id =12 ok",
                "at a:12 ok", "at a:13 ok", "at a://12 ok", "at a:/12 ok", "at a:1 ok", "at ab:12 ok", "at a_b:12 ok",
                "v (12) ok", "v (13) ok", "v (13 ok", "v 13) ok", "v [x12] ok", "v [x13] ok", "v [x13]] ok"));
        Path dir = LoghubAccuracyTest.loghub();
        if (dir != null) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path sys : files.filter(Files::isDirectory).sorted().toList()) {
                    try (Stream<Path> logs = Files.list(sys)) {
                        for (Path log : logs.filter(p -> p.toString().endsWith("_2k.log")).toList()) {
                            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                                out.add(line);
                                int colon = line.indexOf(": ");
                                if (colon > 0) out.add(line.substring(colon + 2)); // the message without a header
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
