package dev.ddx.transcript;

import dev.ddx.event.EventBus;
import dev.ddx.event.SessionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session killed (SIGKILL) mid-way leaves a transcript that reads back up to its last event. */
class KilledSessionTest {
    @TempDir
    Path dir;

    /** The child JVM: a session that writes events until it is killed. */
    public static final class EndlessSession {
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            EventBus bus = new EventBus(Clock.systemUTC());
            bus.add(TranscriptWriter.open(file, TranscriptFiles.header(), TranscriptMasks.session()));
            String big = "#0  worker () at spin.c:12\n".repeat(4000); // ~100 kB lines: a kill may land mid-write
            for (int i = 0; ; i++) {
                bus.on(new SessionEvent.UserInput(Clock.systemUTC().instant(), "question " + i));
                bus.on(new SessionEvent.DebuggerExchange(Clock.systemUTC().instant(), "gdb", "thread apply all bt", big, 5));
                Thread.sleep(20);
            }
        }
    }

    @Test
    void aKilledSessionLeavesAValidTranscriptUpToItsLastEvent() throws Exception {
        Path file = dir.resolve("killed.jsonl");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", cp, EndlessSession.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lineCount(file) < 20 && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(lineCount(file) >= 20, "the child wrote no events: " + Files.readString(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            child.waitFor(30, TimeUnit.SECONDS);
        }
        Transcript t = TranscriptReader.read(file);
        long lines = lineCount(file);
        assertTrue(t.events().size() >= 19, "events read back: " + t.events().size());
        // every complete line is an event; at most the one being written when the kill came is lost
        assertEquals(lines - 1, t.events().size(), t.warnings().toString());
        List<SessionEvent.UserInput> asked = t.events(SessionEvent.UserInput.class);
        for (int i = 0; i < asked.size(); i++) assertEquals("question " + i, asked.get(i).text());
    }

    private static long lineCount(Path f) throws Exception {
        if (!Files.exists(f)) return 0;
        byte[] b = Files.readAllBytes(f);
        long n = 0;
        for (byte x : b) if (x == '\n') n++;
        return n;
    }

}
