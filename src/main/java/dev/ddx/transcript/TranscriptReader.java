package dev.ddx.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddx.event.SessionEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a transcript back, strictly: a missing or newer-format header, a line that is not JSON,
 * or an event type this ddx does not know stops the read with a message naming the file and
 * line. The one tolerated fault is a last line cut short without its newline — what a killed
 * session leaves — which is skipped with a warning, so only that line is lost.
 */
public final class TranscriptReader {

    private TranscriptReader() {
    }

    /** @throws MalformedTranscriptException naming the file and line of the first fault */
    public static Transcript read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException ex) {
            throw new MalformedTranscriptException("transcript " + file + " does not exist", "check the path");
        } catch (IOException ex) {
            throw new MalformedTranscriptException("cannot read transcript " + file + ": " + ex.getMessage(),
                    "check that it is a readable file");
        }
        return parse(file, text);
    }

    /** Parses transcript text; {@code file} only names it in messages. */
    public static Transcript parse(Path file, String text) {
        String[] lines = text.split("\n", -1);
        // split leaves "" after a final newline; a non-empty last piece had no newline
        int count = lines.length;
        boolean lastUnterminated = !lines[count - 1].isEmpty();
        if (!lastUnterminated) count--;
        if (count == 0) throw malformed(file, 1, "it is empty, not a ddx transcript", "record one with ddx chat or ddx summarize");
        List<String> warnings = new ArrayList<>();
        TranscriptHeader header = header(file, lines[0]);
        List<SessionEvent> events = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            boolean last = i == count - 1 && lastUnterminated;
            JsonNode node;
            try {
                node = TranscriptFormat.mapper().readTree(line);
                if (node == null || !node.isObject()) throw new IllegalArgumentException("not an object");
            } catch (JsonProcessingException | IllegalArgumentException ex) {
                if (last) {
                    warnings.add(file + ":" + (i + 1) + ": the last line is cut short (the session ended while writing it); "
                            + "it was skipped, the events before it are intact");
                    continue;
                }
                throw malformed(file, i + 1, "it is not valid JSON", "the file was damaged or edited; "
                        + "restore it, or cut the file before this line");
            }
            events.add(event(file, i + 1, node));
        }
        return new Transcript(file, header, events, warnings);
    }

    private static TranscriptHeader header(Path file, String line) {
        JsonNode node;
        try {
            node = TranscriptFormat.mapper().readTree(line);
        } catch (JsonProcessingException ex) {
            throw malformed(file, 1, "it is not valid JSON, so there is no transcript header", "is this a ddx transcript?");
        }
        TranscriptHeader h;
        try {
            if (node == null || !node.isObject()) throw new IllegalArgumentException("it is not a ddx transcript header");
            h = TranscriptCodec.readHeader(node);
        } catch (IllegalArgumentException ex) {
            throw malformed(file, 1, ex.getMessage(), "is this a ddx transcript?");
        }
        if (h.format() > TranscriptFormat.VERSION) {
            throw malformed(file, 1, "transcript format version " + h.format() + " is newer than this ddx reads (up to "
                    + TranscriptFormat.VERSION + "; written by ddx " + h.ddxVersion() + ")",
                    "replay it with a newer ddx");
        }
        if (h.format() < 1) throw malformed(file, 1, "format version " + h.format() + " is not valid", "is this a ddx transcript?");
        return h;
    }

    private static SessionEvent event(Path file, int line, JsonNode node) {
        try {
            return TranscriptCodec.readEvent(node);
        } catch (TranscriptCodec.UnknownEventTypeException ex) {
            throw malformed(file, line, "unknown event type '" + ex.type + "'",
                    "it was written by a newer ddx, or edited; replay it with a newer ddx");
        } catch (IllegalArgumentException ex) {
            throw malformed(file, line, ex.getMessage(), "the file was damaged or edited");
        }
    }

    private static MalformedTranscriptException malformed(Path file, int line, String what, String hint) {
        return new MalformedTranscriptException("transcript " + file + ", line " + line + ": " + what, hint);
    }
}
