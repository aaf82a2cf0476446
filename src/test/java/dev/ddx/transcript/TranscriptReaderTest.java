package dev.ddx.transcript;

import dev.ddx.error.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscriptReaderTest {
    @TempDir
    Path dir;

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(TranscriptFiles.write(dir.resolve("good.jsonl"), TranscriptFiles.events())));
    }

    private Path file(String text) throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aTruncatedLastLineLosesOnlyThatLineWithAWarningNamingIt() throws Exception {
        List<String> l = lines();
        String last = l.remove(l.size() - 1);
        String text = String.join("\n", l) + "\n" + last.substring(0, last.length() / 2);
        Transcript t = TranscriptReader.read(file(text));
        assertEquals(TranscriptFiles.events().size() - 1, t.events().size());
        assertEquals(1, t.warnings().size());
        assertTrue(t.warnings().get(0).contains("bad.jsonl:12: the last line is cut short"), t.warnings().get(0));
    }

    @Test
    void invalidJsonInTheMiddleNamesTheLine() throws Exception {
        List<String> l = lines();
        l.set(4, l.get(4).substring(0, 20));
        MalformedTranscriptException ex = assertThrows(MalformedTranscriptException.class,
                () -> TranscriptReader.read(file(String.join("\n", l) + "\n")));
        assertTrue(ex.getMessage().endsWith("bad.jsonl, line 5: it is not valid JSON"), ex.getMessage());
        assertEquals(ExitCodes.USAGE, ex.exitCode());
    }

    @Test
    void anUnknownEventTypeNamesTheLineAndTheType() throws Exception {
        List<String> l = lines();
        l.set(2, l.get(2).replace("\"type\":\"ModelRequest\"", "\"type\":\"Telepathy\""));
        MalformedTranscriptException ex = assertThrows(MalformedTranscriptException.class,
                () -> TranscriptReader.read(file(String.join("\n", l) + "\n")));
        assertTrue(ex.getMessage().endsWith("line 3: unknown event type 'Telepathy'"), ex.getMessage());
        assertTrue(ex.hint().contains("newer ddx"), ex.hint());
    }

    @Test
    void aNewerFormatVersionIsRefusedOnLineOne() throws Exception {
        List<String> l = lines();
        l.set(0, l.get(0).replace("\"format\":1", "\"format\":7"));
        MalformedTranscriptException ex = assertThrows(MalformedTranscriptException.class,
                () -> TranscriptReader.read(file(String.join("\n", l) + "\n")));
        assertTrue(ex.getMessage().contains("line 1: transcript format version 7 is newer than this ddx reads (up to 1"),
                ex.getMessage());
    }

    @Test
    void anEventMissingWhatItNeedsNamesTheLine() throws Exception {
        List<String> l = lines();
        l.set(7, "{\"type\":\"FindingRaised\",\"time\":\"2026-11-21T05:00:00Z\",\"finding\":{\"patternId\":\"crash\","
                + "\"title\":\"x\",\"confidence\":1,\"evidence\":[]}}");
        MalformedTranscriptException ex = assertThrows(MalformedTranscriptException.class,
                () -> TranscriptReader.read(file(String.join("\n", l) + "\n")));
        assertTrue(ex.getMessage().contains("line 8: it is not a valid FindingRaised event"), ex.getMessage());
    }

    @Test
    void aFileThatIsNotATranscriptSaysSo() throws Exception {
        MalformedTranscriptException ex = assertThrows(MalformedTranscriptException.class,
                () -> TranscriptReader.read(file("{\"hello\":1}\n")));
        assertTrue(ex.getMessage().contains("line 1: it is not a ddx transcript header"), ex.getMessage());
        ex = assertThrows(MalformedTranscriptException.class, () -> TranscriptReader.read(file("")));
        assertTrue(ex.getMessage().contains("line 1: it is empty"), ex.getMessage());
        ex = assertThrows(MalformedTranscriptException.class, () -> TranscriptReader.read(dir.resolve("none.jsonl")));
        assertTrue(ex.getMessage().contains("does not exist"), ex.getMessage());
    }
}
