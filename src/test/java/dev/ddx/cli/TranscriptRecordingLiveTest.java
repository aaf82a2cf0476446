package dev.ddx.cli;

import dev.ddx.event.SessionEvent;
import dev.ddx.testing.Programs;
import dev.ddx.transcript.Transcript;
import dev.ddx.transcript.TranscriptReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real session writes a real transcript: {@code ddx summarize --python} on a script whose
 * failure message carries a database password and a token. The file is 0600, the secrets are
 * masked, and {@code --from-transcript} and {@code replay} read it back.
 */
class TranscriptRecordingLiveTest {
    private static final String PASSWORD = "Pr0dPassw0rd-77123";
    private static final String TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    static Path dir;
    static Path transcript;
    static String summary;

    @BeforeAll
    static void record() throws Exception {
        assumeTrue(Programs.onPath("python3"), "python3 is not installed; install it to run this test");
        Path script = Files.writeString(dir.resolve("leaky_secret.py"), """
                def connect(url):
                    raise ConnectionError("cannot reach " + url + " with token=%s")

                connect("postgres://admin:%s@db.internal/orders")
                """.formatted(TOKEN, PASSWORD));
        transcript = dir.resolve("out/session.jsonl");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String stdio = System.getProperty("ddx.pdb.stdio");
        System.setProperty("ddx.pdb.stdio", "discard"); // the script's traceback is not this test's output
        int code;
        try {
            code = Ddx.execute(new String[] {"summarize", "--python", script.toString(), "--transcript", transcript.toString()},
                    new PrintWriter(out), new PrintWriter(err));
        } finally {
            if (stdio == null) System.clearProperty("ddx.pdb.stdio");
            else System.setProperty("ddx.pdb.stdio", stdio);
        }
        assertEquals(0, code, err.toString());
        summary = out.toString();
    }

    @Test
    void theTranscriptIsReadableByItsOwnerOnly() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(transcript)));
    }

    @Test
    void secretsAreMaskedInTheFileWhileTheSummaryStillSaysWhatFailed() throws Exception {
        String text = Files.readString(transcript);
        assertFalse(text.contains(PASSWORD), "the password reached the transcript");
        assertFalse(text.contains(TOKEN), "the token reached the transcript");
        assertTrue(text.contains("[SECRET-"), "no mask in the transcript");
        assertTrue(text.contains("ConnectionError"), "the failure itself is kept");
        Transcript t = TranscriptReader.read(transcript);
        assertEquals("summarize", t.header().mode());
        assertFalse(t.events(SessionEvent.FindingRaised.class).isEmpty());
        assertFalse(t.events(SessionEvent.DebuggerExchange.class).isEmpty());
    }

    @Test
    void theSummaryOfTheRecordedSessionComesBackFromTheTranscript() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ddx.execute(new String[] {"summarize", "--from-transcript", transcript.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("ConnectionError"), out.toString());
        assertTrue(out.toString().startsWith("# ddx summary: leaky_secret.py"), out.toString());
    }

    @Test
    void theRecordedSessionReplaysEquivalent() {
        StringWriter out = new StringWriter();
        int code = Ddx.execute(new String[] {"replay", transcript.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains(": equivalent (from the recording;"), out.toString());
    }
}
