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
}
