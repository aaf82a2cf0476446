package dev.ddx.transcript;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscriptLocationTest {
    @Test
    void theStateDirectoryFollowsXdgStateHome() {
        assertEquals(Path.of("/state/ddx/transcripts"),
                TranscriptLocation.directory(Map.of("XDG_STATE_HOME", "/state"), Path.of("/home/ana")));
    }

    @Test
    void withoutAnAbsoluteXdgStateHomeItIsUnderTheHomeDirectory() {
        Path expected = Path.of("/home/ana/.local/state/ddx/transcripts");
        assertEquals(expected, TranscriptLocation.directory(Map.of(), Path.of("/home/ana")));
        assertEquals(expected, TranscriptLocation.directory(Map.of("XDG_STATE_HOME", "relative"), Path.of("/home/ana")));
    }

    @Test
    void fileNamesSortByTimeAndNameTheMode() {
        String name = TranscriptLocation.fileName("chat", TranscriptFiles.T0);
        assertTrue(name.matches("20261121-050000-chat-[0-9a-f]{4}\\.jsonl"), name);
    }
}
