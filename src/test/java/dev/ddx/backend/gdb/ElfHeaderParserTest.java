package dev.ddx.backend.gdb;

import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElfHeaderParserTest {

    @Test
    void aWholeCoreIsACoreAndNotTruncated() throws IOException {
        ElfHeaderParser.ElfHeader h = ElfHeaderParser.read(NativeScenarios.core("sigfpe"));
        assertTrue(h.elf());
        assertEquals(ElfHeaderParser.CORE, h.type());
        assertFalse(h.truncated(), h.toString());
    }

    @Test
    void aCutCoreIsTruncated(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(NativeScenarios.core("sigfpe"));
        Path cut = Files.write(dir.resolve("cut.core"), java.util.Arrays.copyOf(whole, whole.length - 4096));
        ElfHeaderParser.ElfHeader h = ElfHeaderParser.read(cut);
        assertTrue(h.truncated());
        assertEquals(whole.length - 4096, h.actualSize());
        assertTrue(h.expectedSize() >= whole.length - 1);
    }

    @Test
    void aProgramIsNotACoreAndTextIsNotElf(@TempDir Path dir) throws IOException {
        assertEquals(ElfHeaderParser.DYN, ElfHeaderParser.read(NativeScenarios.binary("sigfpe")).type());
        assertFalse(ElfHeaderParser.read(Files.writeString(dir.resolve("t.txt"), "hello")).elf());
        assertFalse(ElfHeaderParser.read(Files.write(dir.resolve("empty"), new byte[0])).elf());
    }
}
