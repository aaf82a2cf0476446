package dev.ddx.backend.logs.source;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logs packed with gzip, xz or bzip2 read as the plain file does, whatever their names; other packings are refused, saying how to unpack them. */
class CompressionTest {
    @TempDir
    Path dir;

    interface Packer {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    static final String LOG = "2024-03-01 10:00:00,001 INFO  [main] app: starting\n"
            + "2024-03-01 10:00:01,500 ERROR [main] app: order 42 failed\n"
            + "BZh9 is only text here\n";

    static byte[] packed(Packer p, String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = p.wrap(b)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    static List<String> lines(LogSource s) throws IOException {
        List<String> out = new ArrayList<>();
        try (LineStream in = s.open()) {
            for (RawLine l = in.next(); l != null; l = in.next()) out.add(l.text());
        }
        return out;
    }

    @Test
    void gzipXzAndBzip2AreReadAsThePlainFileIsTwoStreamsOneAfterTheOtherToo() throws IOException {
        List<String> plain = lines(new FileSource(Files.writeString(dir.resolve("plain.log"), LOG)));
        assertEquals(3, plain.size());
        Packer[] packers = {GZIPOutputStream::new, o -> new XZOutputStream(o, new LZMA2Options()), BZip2CompressorOutputStream::new};
        Compression[] kinds = {Compression.GZIP, Compression.XZ, Compression.BZIP2};
        for (int k = 0; k < packers.length; k++) {
            byte[] once = packed(packers[k], LOG);
            Path file = Files.write(dir.resolve("rotated." + k), once); // no telling name
            assertEquals(kinds[k], Compression.of(file));
            assertTrue(new FileSource(file).compressed());
            assertEquals(plain, lines(new FileSource(file)), kinds[k].label());
            ByteArrayOutputStream twice = new ByteArrayOutputStream();
            twice.write(once);
            twice.write(once);
            List<String> both = new ArrayList<>(plain);
            both.addAll(plain);
            assertEquals(both, lines(new FileSource(Files.write(dir.resolve("twice." + k), twice.toByteArray()))), kinds[k].label());
            assertEquals(plain, lines(new StdinSource(new ByteArrayInputStream(once))), "stdin, " + kinds[k].label());
        }
        Path text = Files.writeString(dir.resolve("bz.log"), "BZh9 starts this line of text\n");
        assertEquals(Compression.NONE, Compression.of(text), "bzip2's letters without its block's magic are text");
        assertEquals(List.of("BZh9 starts this line of text"), lines(new FileSource(text)));
        assertEquals(Compression.NONE, Compression.of(Files.write(dir.resolve("empty.log"), new byte[0])));
        assertFalse(new FileSource(text).compressed());
    }

    @Test
    void zstdLz4ZipAnd7zAreRefusedWithTheCommandThatUnpacksThem() throws IOException {
        int[][] heads = {{0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x10}, {0x04, 0x22, 0x4d, 0x18, 0x64, 0x40}, {'P', 'K', 3, 4, 20, 0},
                {'7', 'z', 0xbc, 0xaf, 0x27, 0x1c}};
        Compression[] kinds = {Compression.ZSTD, Compression.LZ4, Compression.ZIP, Compression.SEVEN_Z};
        String[] commands = {"zstd -dc", "lz4 -dc", "unzip -p", "7z x -so"};
        for (int k = 0; k < heads.length; k++) {
            byte[] bytes = new byte[64];
            for (int i = 0; i < heads[k].length; i++) bytes[i] = (byte) heads[k][i];
            Path file = Files.write(dir.resolve("app.log." + k), bytes);
            assertEquals(kinds[k], Compression.of(file));
            assertFalse(kinds[k].readable());
            Compression.Refused e = assertThrows(Compression.Refused.class, () -> lines(new FileSource(file)));
            assertEquals(file + " is " + kinds[k].label() + "-compressed, which ddx does not unpack", e.getMessage());
            assertEquals("unpack it into ddx: " + commands[k] + " " + file + " | ddx logs summarize -", e.hint());
        }
    }

    @Test
    void theResolverSetsARefusedFileApartAndReadsTheOthers() throws IOException {
        Path plain = Files.writeString(dir.resolve("a.log"), LOG);
        Path xz = Files.write(dir.resolve("b.log.xz"), packed(o -> new XZOutputStream(o, new LZMA2Options()), LOG));
        Path zstd = Files.write(dir.resolve("c.log.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0});
        SourceResolver.Resolved r = SourceResolver.resolve(List.of(dir + "/*.log*"), java.io.InputStream.nullInputStream());
        assertEquals(List.of(plain.toString(), xz.toString()), r.sources().stream().map(LogSource::name).toList());
        assertEquals(List.of(zstd + " is zstd-compressed, which ddx does not unpack"), r.refused().stream().map(Throwable::getMessage).toList());
        assertEquals(List.of(), r.missing());
    }
}
