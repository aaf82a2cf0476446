package dev.ddx.cli;

import dev.ddx.backend.TargetSpec;
import dev.ddx.event.SessionEvent;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import dev.ddx.transcript.TranscriptHeader;
import dev.ddx.transcript.TranscriptWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayCommandTest {
    private static final Instant T = Instant.parse("2026-11-21T05:00:00Z");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run ddx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ddx.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path chatTranscript() {
        Path f = dir.resolve("chat.jsonl");
        TranscriptHeader h = TranscriptHeader.of(new SessionEvent.Started(T, "0.1.0", "chat", "python app.py", "offline", "3"),
                List.of(new TargetSpec.Python(Path.of("app.py"), List.of(), Duration.ofSeconds(5), Duration.ZERO, Optional.empty())),
                Optional.empty(), List.of("--python", "app.py", "--ask", "why did it fail?"));
        try (TranscriptWriter w = TranscriptWriter.open(f, h, s -> s)) {
            w.on(new SessionEvent.UserInput(T.plusSeconds(1), "why did it fail?"));
            w.on(new SessionEvent.ModelRequest(T.plusSeconds(1), 1, "offline", 2, "why did it fail?"));
            w.on(new SessionEvent.ModelResponse(T.plusSeconds(1), 1, "",
                    List.of(new SessionEvent.ToolRequest("c1", "exception_info", "{}")), 310, 12));
            w.on(new SessionEvent.ToolCall(T.plusSeconds(1), "c1", "exception_info", "{}"));
            w.on(new SessionEvent.DebuggerExchange(T.plusSeconds(2), "pdb", "{\"cmd\":\"snapshot\"}", "{\"ok\":true}", 40));
            w.on(new SessionEvent.ToolResult(T.plusSeconds(2), "c1", "exception_info", "KeyError: 'user'\ncaused by ...", false));
            w.on(new SessionEvent.FindingRaised(T.plusSeconds(2), new Finding("nested-exception", "KeyError inside a handler",
                    0.9, List.of(Evidence.onThread("KeyError raised while handling ValueError", "pdb driver: snapshot", "MainThread")))));
            w.on(new SessionEvent.Answer(T.plusSeconds(3), "A KeyError was raised while handling a ValueError."));
            w.on(new SessionEvent.Ended(T.plusSeconds(3), "quit"));
        }
        return f;
    }

    @Test
    void explainTellsWhoAskedWhatWhatRanWhatWasFoundAndAnswered() {
        Run r = ddx("replay", "--explain", chatTranscript().toString());
        assertEquals(0, r.code(), r.err());
        String s = r.out();
        assertTrue(s.startsWith("Session: ddx chat on python app.py\n"), s);
        assertTrue(s.contains("05:00:01  The user asked: \"why did it fail?\""), s);
        assertTrue(s.contains("The model answered (310 tokens in, 12 out) and asked for exception_info {}."), s);
        assertTrue(s.contains("ddx ran the tool exception_info {}"), s);
        assertTrue(s.contains("pdb> {\"cmd\":\"snapshot\"}   (40 ms, 1 line)"), s);
        assertTrue(s.contains("Found nested-exception: KeyError inside a handler (confidence 0.90)"), s);
        assertTrue(s.contains("because KeyError raised while handling ValueError  [pdb driver: snapshot, thread MainThread]"), s);
        assertTrue(s.contains("ddx answered:\n            A KeyError was raised while handling a ValueError."), s);
        assertTrue(s.contains("In all: 1 question, 1 model turn (310 tokens in, 12 out), 1 tool call, 1 debugger command, "
                + "1 finding, 1 answer, over 3.0 s."), s);
    }

    @Test
    void aMalformedTranscriptExitsTwoNamingTheLine() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(chatTranscript()));
        lines.set(3, "{\"type\":\"ModelResponse\", oops");
        Path bad = Files.write(dir.resolve("bad.jsonl"), lines);
        Run r = ddx("replay", bad.toString());
        assertEquals(2, r.code());
        assertEquals("ddx: transcript " + bad + ", line 4: it is not valid JSON", r.err().lines().findFirst().orElse(""));
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aTruncatedLastLineIsAWarningAndTheRestIsExplained() throws Exception {
        String text = Files.readString(chatTranscript());
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), text.substring(0, text.length() - 10));
        Run r = ddx("replay", "--explain", cut.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("ddx: warning: " + cut + ":10: the last line is cut short"), r.err());
        assertTrue(r.out().contains("ddx answered:"), r.out());
        assertFalse(r.out().contains("The session ended"), r.out());
    }

    @Test
    void aMissingTranscriptAndAWrongFlagComboAreUsageErrors() {
        Run r = ddx("replay", dir.resolve("nothing.jsonl").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertEquals(2, ddx("replay", "--explain", "--update", chatTranscript().toString()).code());
        assertEquals(2, ddx("replay").code());
    }
}
