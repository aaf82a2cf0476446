package dev.ddx.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay catches drift: a recorded debugger output altered in a copy makes the replay differ, with a readable diff. */
class TranscriptDriftTest {
    @TempDir
    Path dir;

    @Test
    void anAlteredToolOutputIsDriftWithADiffNamingWhatChanged() throws Exception {
        Path original = TranscriptsReplayTest.projectDir().resolve("transcripts/chat-offline-deadlock.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(original));
        int altered = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            // the gdb snapshot: the second thread now waits in another function
            // (the MI reply quotes the helper's JSON, so the name sits between escaped quotes: audit\\\")
            if (l.startsWith("{\"type\":\"DebuggerExchange\"") && l.contains("func\\\\\\\":\\\\\\\"audit\\\\")) {
                lines.set(i, l.replace("\\\\\\\"audit\\\\", "\\\\\\\"audit_journal\\\\"));
                altered++;
            }
        }
        assertTrue(altered > 0, "the recording has no gdb output naming audit()");
        Path copy = Files.write(dir.resolve("drifted.jsonl"), lines);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ddx.execute(new String[] {"replay", copy.toString()}, new PrintWriter(out), new PrintWriter(err));

        String s = out.toString();
        assertEquals(1, code, s + err);
        assertTrue(s.startsWith(copy + ": DRIFT (from the recording; "), s);
        assertTrue(s.contains("\n--- recorded\n+++ replay\n@@ "), s);
        assertTrue(s.lines().anyMatch(l -> l.startsWith("- ") && l.contains("in audit at")), s);
        assertTrue(s.lines().anyMatch(l -> l.startsWith("+ ") && l.contains("in audit_journal at")), s);
    }

    @Test
    void theUnalteredRecordingReplaysEquivalent() {
        Path original = TranscriptsReplayTest.projectDir().resolve("transcripts/chat-offline-deadlock.jsonl");
        StringWriter out = new StringWriter();
        int code = Ddx.execute(new String[] {"replay", original.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, out.toString());
    }
}
