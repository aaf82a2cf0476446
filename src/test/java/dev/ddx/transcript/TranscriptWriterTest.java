package dev.ddx.transcript;

import dev.ddx.event.SessionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscriptWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyEventComesBackAsItWasWritten() {
        Path file = TranscriptFiles.write(dir.resolve("s.jsonl"), TranscriptFiles.events());
        Transcript t = TranscriptReader.read(file);
        assertEquals(TranscriptFiles.header(), t.header());
        assertEquals(TranscriptFiles.events(), t.events());
        assertTrue(t.warnings().isEmpty());
    }

    @Test
    void theFileIsOneHeaderLineAndOneLinePerEvent() throws Exception {
        Path file = TranscriptFiles.write(dir.resolve("s.jsonl"), TranscriptFiles.events());
        List<String> lines = Files.readAllLines(file);
        assertEquals(1 + TranscriptFiles.events().size(), lines.size());
        assertTrue(lines.get(0).startsWith("{\"type\":\"header\",\"format\":1,"), lines.get(0));
        assertTrue(lines.get(4).startsWith("{\"type\":\"ToolCall\",\"time\":\"2026-11-21T05:00:00.005Z\""), lines.get(4));
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyEvenWhenItExistedBefore() throws Exception {
        Path file = dir.resolve("old.jsonl");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        TranscriptFiles.write(file, List.of());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Path fresh = TranscriptFiles.write(dir.resolve("new/deeper/s.jsonl"), List.of());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.getParent())));
    }

    @Test
    void eachEventIsOnDiskBeforeTheNextOneHappens() throws Exception {
        Path file = dir.resolve("live.jsonl");
        TranscriptWriter w = TranscriptWriter.open(file, TranscriptFiles.header(), s -> s);
        w.on(new SessionEvent.UserInput(TranscriptFiles.T0, "why?"));
        // not closed: another reader sees the header and the event already
        Transcript t = TranscriptReader.read(file);
        assertEquals(List.of(new SessionEvent.UserInput(TranscriptFiles.T0, "why?")), t.events());
        w.close();
    }

    @Test
    void secretsAreMaskedInEveryFieldWritten() throws Exception {
        Path file = dir.resolve("m.jsonl");
        try (TranscriptWriter w = TranscriptWriter.open(file, TranscriptFiles.header(),
                s -> s.replace("hunter2", "[SECRET-1]"))) {
            w.on(new SessionEvent.UserInput(TranscriptFiles.T0, "the password is hunter2"));
            w.on(new SessionEvent.DebuggerExchange(TranscriptFiles.T0, "gdb", "p pass", "$1 = \"hunter2\"", 3));
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(text.contains("hunter2"), text);
        assertTrue(text.contains("the password is [SECRET-1]"), text);
    }

    @Test
    void theEndClosesTheTranscriptAndStreamedPartsAreNotWritten() throws Exception {
        Path file = dir.resolve("e.jsonl");
        TranscriptWriter w = TranscriptWriter.open(file, TranscriptFiles.header(), s -> s);
        w.on(new SessionEvent.AnswerPart(TranscriptFiles.T0, "Thr"));
        w.on(new SessionEvent.Answer(TranscriptFiles.T0, "Threads"));
        w.on(new SessionEvent.Ended(TranscriptFiles.T0, "quit"));
        w.on(new SessionEvent.Notice(TranscriptFiles.T0, "after the end"));
        assertEquals(3, Files.readAllLines(file).size());
        assertTrue(w.failure().isEmpty());
    }
}
