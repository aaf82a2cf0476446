package dev.ddx.cli;

import dev.ddx.transcript.ReplayEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The session runners replay uses, one per session mode, and where a transcript's project is.
 * They live in the CLI package because a session is what a command does: replaying a
 * {@code summarize} session is running the summarize command's flow on a recorded target.
 */
final class ReplayRunners {
    private ReplayRunners() {
    }

    /** An engine for replaying {@code transcript}. */
    static ReplayEngine engine(Path transcript, Clock clock) {
        return new ReplayEngine(runners(), projectDir(transcript), clock);
    }

    static Map<String, ReplayEngine.SessionRunner> runners() {
        Map<String, ReplayEngine.SessionRunner> m = new HashMap<>();
        return m;
    }

    /**
     * The project a transcript belongs to: the parent of its {@code transcripts/} directory when
     * it lies in one, else the working directory. Scenario sources and relative target paths are
     * resolved against it.
     */
    static Path projectDir(Path transcript) {
        Path dir = transcript.toAbsolutePath().normalize().getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("transcripts")
                && dir.getParent() != null && Files.isDirectory(dir.getParent().resolve("src"))) {
            return dir.getParent();
        }
        return Path.of("").toAbsolutePath();
    }
}
