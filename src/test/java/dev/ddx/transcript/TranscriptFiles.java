package dev.ddx.transcript;

import dev.ddx.backend.TargetSpec;
import dev.ddx.event.SessionEvent;
import dev.ddx.model.LineRange;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Small sessions for the transcript tests, built from real event records. */
final class TranscriptFiles {
    static final Instant T0 = Instant.parse("2026-11-21T05:00:00Z");

    private TranscriptFiles() {
    }

    static TranscriptHeader header() {
        return TranscriptHeader.of(new SessionEvent.Started(T0, "0.1.0", "summarize", "program ./deadlock under gdb",
                        "offline", "1"),
                List.of(new TargetSpec.Run(List.of("target/scenarios/deadlock"), Duration.ofSeconds(3))),
                Optional.of("transcripts/scenarios/deadlock.c"), List.of("--run", "--hang-after", "3", "--", "target/scenarios/deadlock"));
    }

    static Finding deadlock() {
        return new Finding("deadlock", "Deadlock between threads 2 and 3", 1.0, List.of(
                Evidence.onThread("thread 2 waits for mutex 0x55555555a040 held by thread 3", "gdb: thread apply all bt", "2"),
                new Evidence("thread 3 waits for mutex 0x55555555a080 held by thread 2", "gdb: frame", Optional.of("3"),
                        OptionalInt.of(2), Optional.of(new LineRange("deadlock.c", 12, 14)))));
    }

    static List<SessionEvent> events() {
        Instant t = T0.plusMillis(5);
        return List.of(
                new SessionEvent.UserInput(t, "why does it hang?"),
                new SessionEvent.ModelRequest(t, 1, "offline", 2, "why does it hang?"),
                new SessionEvent.ModelResponse(t, 1, "", List.of(new SessionEvent.ToolRequest("c1", "list_threads", "{}")), 120, 8),
                new SessionEvent.ToolCall(t, "c1", "list_threads", "{}"),
                new SessionEvent.DebuggerExchange(t, "gdb", "info threads", "* 1 Thread 0x7ffff7d8a740 (LWP 4242) main", 12),
                new SessionEvent.ToolResult(t, "c1", "list_threads", "1 main (LWP 4242)\n2 worker", false),
                new SessionEvent.FindingRaised(t, deadlock()),
                new SessionEvent.Answer(t, "Threads 2 and 3 deadlock."),
                new SessionEvent.Notice(t, "the model timed out"),
                new SessionEvent.Error(t, "model", "429 too many requests"),
                new SessionEvent.Ended(t, "done"));
    }

    static Path write(Path file, List<SessionEvent> events) {
        try (TranscriptWriter w = TranscriptWriter.open(file, header(), s -> s)) {
            events.forEach(w::on);
        }
        return file;
    }
}
