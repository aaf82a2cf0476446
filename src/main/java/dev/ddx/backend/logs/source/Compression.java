package dev.ddx.backend.logs.source;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * How a log's bytes are packed, told by their first bytes whatever the file's name. gzip, xz and
 * bzip2 are unpacked as they are read (several streams one after the other, as {@code cat a.gz b.gz}
 * makes, included); the other packings a log is found in are refused with the command that unpacks
 * them, rather than read as binary garbage.
 */
public enum Compression {
    NONE("", "", new int[0]),
    GZIP("gzip", "gzip -dc", new int[] {0x1f, 0x8b}),
    XZ("xz", "xz -dc", new int[] {0xfd, '7', 'z', 'X', 'Z', 0x00}),
    /** "BZh", the block size's digit, then the first block's magic (or that of the end of an empty stream). */
    BZIP2("bzip2", "bzip2 -dc", new int[] {'B', 'Z', 'h'}),
    ZSTD("zstd", "zstd -dc", new int[] {0x28, 0xb5, 0x2f, 0xfd}),
    LZ4("lz4", "lz4 -dc", new int[] {0x04, 0x22, 0x4d, 0x18}),
    ZIP("zip", "unzip -p", new int[] {'P', 'K', 0x03, 0x04}),
    SEVEN_Z("7z", "7z x -so", new int[] {'7', 'z', 0xbc, 0xaf, 0x27, 0x1c});

    /** The most bytes {@link #of(byte[], int)} looks at. */
    static final int HEAD = 10;

    private final String label;
    private final String unpack;
    private final int[] magic;

    Compression(String label, String unpack, int[] magic) {
        this.label = label;
        this.unpack = unpack;
        this.magic = magic;
    }

    /** The packing the first {@code n} bytes of a stream show. */
    static Compression of(byte[] head, int n) {
        for (Compression c : values()) {
            if (c == NONE || n < c.magic.length) continue;
            boolean match = true;
            for (int i = 0; i < c.magic.length && match; i++) match = (head[i] & 0xff) == c.magic[i];
            if (match && (c != BZIP2 || bzip2Block(head, n))) return c;
        }
        return NONE;
    }

    private static boolean bzip2Block(byte[] head, int n) {
        if (n < HEAD || head[3] < '1' || head[3] > '9') return false;
        long block = 0;
        for (int i = 4; i < HEAD; i++) block = block << 8 | (head[i] & 0xff);
        return block == 0x314159265359L || block == 0x177245385090L; // pi's digits, or the square root's: the end
    }

    /** The packing of a file, by its first bytes. */
    public static Compression of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = new byte[HEAD];
            return of(head, in.readNBytes(head, 0, HEAD));
        }
    }

    /** Whether ddx unpacks it as it reads (true for no packing at all). */
    public boolean readable() {
        return this == NONE || this == GZIP || this == XZ || this == BZIP2;
    }

    /** Its name, as its tools call it ({@code zstd}). */
    public String label() {
        return label;
    }

    /** What ddx says of a file packed this way that it does not unpack: its name and the packing. */
    public String refusal(String name) {
        return name + " is " + label + "-compressed, which ddx does not unpack";
    }

    /** The command line that unpacks the file into ddx's standard input. */
    public String unpackInto(String name) {
        return "unpack it into ddx: " + unpack + " " + name + " | ddx logs summarize -";
    }

    /**
     * The stream's bytes unpacked as they are read (those of a stream with no packing as they are).
     *
     * @throws Refused for a packing ddx does not unpack
     */
    static InputStream unpacked(InputStream in, String name) throws IOException {
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in);
        b.mark(HEAD);
        byte[] head = new byte[HEAD];
        int n = b.readNBytes(head, 0, HEAD);
        b.reset();
        Compression c = of(head, n);
        return switch (c) {
            case NONE -> b;
            case GZIP -> new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16);
            case XZ -> new BufferedInputStream(new XZInputStream(b), 1 << 16);
            case BZIP2 -> new BufferedInputStream(new BZip2CompressorInputStream(b, true), 1 << 16);
            default -> throw new Refused(c, name);
        };
    }

    /** A log packed in a way ddx does not unpack. */
    public static final class Refused extends IOException {
        private final String hint;

        Refused(Compression compression, String name) {
            super(compression.refusal(name));
            this.hint = compression.unpackInto(name);
        }

        /** The command that unpacks it into ddx. */
        public String hint() {
            return hint;
        }
    }
}
