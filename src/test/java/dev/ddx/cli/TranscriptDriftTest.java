package dev.ddx.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay catches drift: a recorded debugger output altered in a copy makes the replay differ, with a readable diff. */
class TranscriptDriftTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anAlteredToolOutputIsDriftWithADiffNamingWhatChanged() throws Exception {
        Path original = TranscriptsReplayTest.projectDir().resolve("transcripts/chat-offline-deadlock.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(original));
        int altered = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = JSON.readTree(lines.get(i));
            if (!n.path("type").asText().equals("DebuggerExchange") || !n.path("command").asText().contains("ddx-snapshot")) continue;
            // the gdb snapshot: the second thread now waits in another function
            String output = n.get("output").asText();
            String changed = alterSnapshot(output);
            if (!changed.equals(output)) {
                ((ObjectNode) n).put("output", changed);
                lines.set(i, JSON.writeValueAsString(n));
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
    void updateReRecordsTheDriftedSessionDeliberatelySoItReplaysEquivalentAfter() throws Exception {
        Path original = TranscriptsReplayTest.projectDir().resolve("transcripts/chat-offline-deadlock.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(original));
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = JSON.readTree(lines.get(i));
            if (n.path("type").asText().equals("DebuggerExchange") && n.path("command").asText().contains("ddx-snapshot")) {
                ((ObjectNode) n).put("output", alterSnapshot(n.get("output").asText()));
                lines.set(i, JSON.writeValueAsString(n));
            }
        }
        Path copy = Files.write(dir.resolve("rerecord.jsonl"), lines);
        StringWriter out = new StringWriter();
        int code = Ddx.execute(new String[] {"replay", "--update", copy.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().startsWith(copy + ": re-recorded from the recording ("), out.toString());
        assertTrue(Files.readString(copy).contains("in audit_journal at"), "the new findings were not written");
        out = new StringWriter();
        code = Ddx.execute(new String[] {"replay", copy.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, out.toString());
    }

    /** The snapshot document gdb's helper printed, plain or zlib+base64 packed, with audit() renamed. */
    private static String alterSnapshot(String output) throws Exception {
        String begin = "<<ddx-json-z>>";
        int z = output.indexOf(begin);
        if (z < 0) return output.replace("\\\"func\\\":\\\"audit\\\"", "\\\"func\\\":\\\"audit_journal\\\"");
        int e = output.indexOf("<<ddx-end>>", z);
        String packed = output.substring(z + begin.length(), e);
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(packed));
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!inflater.finished()) doc.write(buf, 0, inflater.inflate(buf));
        String json = doc.toString(StandardCharsets.US_ASCII).replace("\"func\":\"audit\"", "\"func\":\"audit_journal\"");
        Deflater deflater = new Deflater();
        deflater.setInput(json.getBytes(StandardCharsets.US_ASCII));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
        return output.substring(0, z + begin.length()) + Base64.getEncoder().encodeToString(out.toByteArray())
                + output.substring(e);
    }

    @Test
    void theUnalteredRecordingReplaysEquivalent() {
        Path original = TranscriptsReplayTest.projectDir().resolve("transcripts/chat-offline-deadlock.jsonl");
        StringWriter out = new StringWriter();
        int code = Ddx.execute(new String[] {"replay", original.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, out.toString());
    }
}
