package dev.ddx.backend.gdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads an ELF file's header and program headers, enough to tell a core from an executable and
 * a whole core from a truncated one (the segments or section headers it declares end past the end
 * of the file).
 */
public final class ElfHeaderParser {
    /** ET_EXEC, ET_DYN, ET_CORE. */
    public static final int EXEC = 2;
    public static final int DYN = 3;
    public static final int CORE = 4;

    private ElfHeaderParser() {
    }

    /**
     * What the header says.
     *
     * @param elf          false when the file does not start with the ELF magic
     * @param type         e_type (2 executable, 3 shared object or PIE, 4 core)
     * @param expectedSize the end of the last segment's bytes in the file (0 when unknown)
     * @param actualSize   the file's size
     */
    public record ElfHeader(boolean elf, int type, long expectedSize, long actualSize) {
        public boolean truncated() {
            return elf && expectedSize > actualSize;
        }

        public String typeName() {
            return switch (type) {
                case EXEC -> "an executable";
                case DYN -> "an executable or shared library";
                case CORE -> "a core file";
                default -> "an ELF file of type " + type;
            };
        }
    }

    /** Reads the header of {@code file}. */
    public static ElfHeader read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer h = ByteBuffer.allocate(64);
            ch.read(h, 0);
            h.flip();
            if (h.limit() < 52 || h.get(0) != 0x7f || h.get(1) != 'E' || h.get(2) != 'L' || h.get(3) != 'F') {
                return new ElfHeader(false, 0, 0, size);
            }
            boolean is64 = h.get(4) == 2;
            h.order(h.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int type = Short.toUnsignedInt(h.getShort(16));
            long phoff = is64 ? h.getLong(32) : Integer.toUnsignedLong(h.getInt(28));
            int phentsize = Short.toUnsignedInt(h.getShort(is64 ? 54 : 42));
            int phnum = Short.toUnsignedInt(h.getShort(is64 ? 56 : 44));
            long shoff = is64 ? h.getLong(40) : Integer.toUnsignedLong(h.getInt(32));
            int shentsize = Short.toUnsignedInt(h.getShort(is64 ? 58 : 46));
            int shnum = Short.toUnsignedInt(h.getShort(is64 ? 60 : 48));
            // program headers, and section headers when the writer added them (gdb's cores end with them)
            long expected = Math.max(phoff + (long) phentsize * phnum, shoff == 0 ? 0 : shoff + (long) shentsize * shnum);
            if (phnum == 0 || phentsize == 0 || phoff + (long) phentsize * phnum > size) {
                return new ElfHeader(true, type, expected, size);
            }
            ByteBuffer ph = ByteBuffer.allocate(phentsize * phnum).order(h.order());
            ch.read(ph, phoff);
            for (int i = 0; i < phnum; i++) {
                int base = i * phentsize;
                long offset = is64 ? ph.getLong(base + 8) : Integer.toUnsignedLong(ph.getInt(base + 4));
                long filesz = is64 ? ph.getLong(base + 32) : Integer.toUnsignedLong(ph.getInt(base + 16));
                expected = Math.max(expected, offset + filesz);
            }
            return new ElfHeader(true, type, expected, size);
        }
    }
}
