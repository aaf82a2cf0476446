package dev.ddx.cli;

import dev.ddx.event.SessionEvent;
import dev.ddx.event.SessionListener;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where a session's transcript goes: {@code --transcript FILE}, {@code --no-transcript}. */
public final class TranscriptOptions {

    @Option(names = "--transcript", paramLabel = "FILE",
            description = "Write the session's transcript (JSONL) here instead of the state directory.")
    Path transcript;

    @Option(names = "--no-transcript", description = "Write no transcript.")
    boolean noTranscript;

    /**
     * Opens the transcript for a session that starts with {@code header}; the listener writes
     * every later event. Returns a listener that writes nothing when transcripts are off.
     */
    public SessionListener open(SessionEvent.Started header) {
        return SessionListener.NONE;
    }
}
