package dev.ddx.cli;

import dev.ddx.event.SessionEvent;
import dev.ddx.transcript.Transcript;
import dev.ddx.transcript.TranscriptReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays every transcript in the project's {@code transcripts/} as a regression test, one
 * dynamic test each: from the recording (every tool call, finding and answer compared), and
 * then live — the program compiled and run again, the script rerun, the real debugger — where
 * the target can be rebuilt on this machine.
 */
class TranscriptsReplayTest {

    static Path projectDir() {
        return Path.of(System.getProperty("ddx.project.dir", System.getProperty("user.dir")));
    }

    static List<Path> transcripts() throws IOException {
        try (Stream<Path> s = Files.list(projectDir().resolve("transcripts"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static String[] replay(boolean live, Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = live ? new String[] {"replay", "--live", file.toString()} : new String[] {"replay", file.toString()};
        int code = Ddx.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out + err.toString()};
    }

    @Test
    void theProjectKeepsAtLeastTwelveRecordedSessionsOfEveryKind() throws IOException {
        List<String> names = transcripts().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.size() >= 12, names.toString());
        for (String kind : List.of("native-crash", "native-deadlock", "wait-chain", "spiking-thread", "memory-leak",
                "python-nested-exception", "python-deadlock", "log-incident", "cdb-deadlock", "jstack-deadlock",
                "chat-offline-deadlock", "openai-tool-calls")) {
            assertTrue(names.contains(kind + ".jsonl"), "no transcript " + kind + ".jsonl in " + names);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTranscriptReplaysEquivalentToItsRecording() throws IOException {
        List<Path> files = transcripts();
        assertFalse(files.isEmpty(), "no transcripts in " + projectDir().resolve("transcripts"));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Transcript t = TranscriptReader.read(f);
            for (String log : t.header().options("--log")) {
                // logs are read again from their files, which live outside the project (../shared/fixtures)
                Assumptions.assumeTrue(Files.exists(projectDir().resolve(log)), log + " is not here; its replay needs it");
            }
            String[] recorded = replay(false, f);
            assertEquals("0", recorded[0], "replayed from the recording:\n" + recorded[1]);
            Optional<String> noLive = ReplayRunners.engine(f, Clock.systemUTC()).liveUnavailable(t);
            if (noLive.isEmpty() && t.events(SessionEvent.FindingRaised.class).stream()
                    .anyMatch(e -> e.finding().patternId().equals("spiking-thread"))) {
                // whether a spinning thread passes the share threshold again depends on this machine's load now
                noLive = Optional.of("a CPU share measured live depends on the machine's load; compared from the recording only");
            }
            if (noLive.isPresent()) {
                System.out.println(f.getFileName() + ": not replayed live here: " + noLive.get());
                return;
            }
            String[] live = replay(true, f);
            assertEquals("0", live[0], "replayed live:\n" + live[1]);
        }));
    }

}
