package dev.ddx.backend.logs.read;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineReaderTest {

    private static List<String> read(byte[] bytes, LineReader[] out) throws IOException {
        LineReader r = new LineReader(new ByteArrayInputStream(bytes));
        out[0] = r;
        List<String> lines = new ArrayList<>();
        for (String l = r.next(); l != null; l = r.next()) lines.add(r.lineNumber() + ":" + l);
        return lines;
    }

    @Test
    void binaryGarbageIsSkippedAndCountedWhileLineNumbersStayTrue() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("first line\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 5, 6, '\n'});
        b.writeBytes("third line\n".getBytes(StandardCharsets.UTF_8));
        LineReader[] r = new LineReader[1];
        List<String> lines = read(b.toByteArray(), r);
        assertEquals(List.of("1:first line", "3:third line"), lines);
        assertEquals(8, r[0].skippedBytes());
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() throws IOException {
        byte[] bytes = {'a', (byte) 0xc3, '(', 'b', '\n'};
        List<String> lines = read(bytes, new LineReader[1]);
        assertEquals(List.of("1:a\uFFFD(b"), lines);
    }

    @Test
    void aLineOverOneMebibyteIsCutAndTheNextLineIsKept() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] huge = new byte[LineReader.MAX_LINE + 5000];
        java.util.Arrays.fill(huge, (byte) 'x');
        b.writeBytes(huge);
        b.writeBytes("\nafter\n".getBytes(StandardCharsets.UTF_8));
        LineReader[] r = new LineReader[1];
        List<String> lines = read(b.toByteArray(), r);
        assertEquals(2, lines.size());
        assertEquals(LineReader.MAX_LINE + 2, lines.get(0).length());
        assertEquals("2:after", lines.get(1));
        assertEquals(1, r[0].truncatedLines());
    }

    @Test
    void aTruncatedLastLineWithoutNewlineIsStillRead() throws IOException {
        List<String> lines = read("one\r\ntwo\nthree, cut sho".getBytes(StandardCharsets.UTF_8), new LineReader[1]);
        assertEquals(List.of("1:one", "2:two", "3:three, cut sho"), lines);
        assertTrue(lines.get(0).endsWith("one"));
    }

    /**
     * Random text with control bytes, NULs, UTF-8 and stray bytes above 0x7f, delivered in reads of
     * random length (so lines lie across buffer refills): the lines, their numbers and the skipped
     * bytes are those of a byte-at-a-time reading of the same rules.
     */
    @Test
    void everyLineOfRandomBytesInRandomReadsIsReadAsByteByByteRulesSay() throws IOException {
        java.util.Random random = new java.util.Random(20261121);
        byte[] alphabet = "ab c=1:[]\t\r\u001b\u0001\u0007\u0000\u00e9\u20ac".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 40; round++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int size = 1 + random.nextInt(200_000);
            while (b.size() < size) {
                int r = random.nextInt(100);
                if (r < 3) b.write('\n');
                else if (r < 4) b.write(0x80 + random.nextInt(0x80)); // a byte no UTF-8 text would have here
                else if (r < 4 + round % 5) b.write(alphabet[random.nextInt(alphabet.length)]);
                else b.write(0x20 + random.nextInt(0x5f));
            }
            byte[] bytes = b.toByteArray();
            int maxRead = 1 + random.nextInt(5000);
            java.io.InputStream in = new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] into, int off, int len) {
                    return super.read(into, off, Math.min(len, 1 + random.nextInt(maxRead)));
                }
            };
            LineReader reader = new LineReader(in);
            List<String> lines = new ArrayList<>();
            for (String l = reader.next(); l != null; l = reader.next()) lines.add(reader.lineNumber() + ":" + l);
            long[] skipped = new long[1];
            assertEquals(byteByByte(bytes, skipped), lines, "round " + round);
            assertEquals(skipped[0], reader.skippedBytes(), "round " + round);
        }
    }

    /** The reader's rules, one byte at a time: a line with a NUL, or more than a quarter other control bytes, is skipped. */
    private static List<String> byteByByte(byte[] bytes, long[] skipped) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        long number = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') end++;
            number++;
            boolean nul = false;
            int control = 0;
            for (int i = start; i < end; i++) {
                if (bytes[i] == 0) nul = true;
                else if (bytes[i] > 0 && bytes[i] < 0x20 && bytes[i] != '\t' && bytes[i] != '\r' && bytes[i] != 0x1b) control++;
            }
            int len = end - start;
            if (nul || (len > 0 && control * 4 > len)) {
                skipped[0] += len;
            } else {
                if (len > 0 && bytes[end - 1] == '\r') len--;
                lines.add(number + ":" + new String(bytes, start, len, StandardCharsets.UTF_8));
            }
            start = end + 1;
        }
        return lines;
    }
}
