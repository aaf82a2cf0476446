package dev.ddx.cli;

import dev.ddx.agent.PreviousRun;
import dev.ddx.event.SessionEvent;
import dev.ddx.transcript.Transcript;
import dev.ddx.transcript.TranscriptMasks;
import dev.ddx.transcript.TranscriptReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the last recorded session on the same target, for "compare with the last run": the
 * newest transcript in the transcripts directory whose header names the same target.
 */
final class PreviousRuns {
    private static final int MAX_FILES = 50;

    private PreviousRuns() {
    }

    static Optional<PreviousRun> find(Path directory, String target) {
        // transcripts record the target as masked for the transcript, so compare it masked the same way
        String recorded = TranscriptMasks.session().apply(target);
        if (!Files.isDirectory(directory)) return Optional.empty();
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .limit(MAX_FILES).toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (Path f : files) {
            try {
                Transcript t = TranscriptReader.read(f);
                if (!t.header().target().equals(recorded) && !t.header().target().equals(target)) continue;
                List<String> ids = t.events(SessionEvent.FindingRaised.class).stream()
                        .map(e -> e.finding().patternId()).distinct().toList();
                return Optional.of(new PreviousRun(f.toString(), t.header().time().toString(), "", ids));
            } catch (RuntimeException e) {
                // a malformed or unreadable transcript is not a previous run
            }
        }
        return Optional.empty();
    }
}
