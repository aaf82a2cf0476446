package dev.ddx.cli;

import dev.ddx.backend.TargetSpec;
import dev.ddx.error.UsageException;
import dev.ddx.event.SessionEvent;
import dev.ddx.event.SessionListener;
import dev.ddx.transcript.TranscriptHeader;
import dev.ddx.transcript.TranscriptLocation;
import dev.ddx.transcript.TranscriptMasks;
import dev.ddx.transcript.TranscriptWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a session's transcript goes: {@code --transcript FILE}, {@code --no-transcript}, or by
 * default a new file in the user's state directory ({@link TranscriptLocation}). Mixed into
 * {@code summarize} and {@code chat}; the header records the command's {@link TargetOptions}
 * so {@code ddx replay} can open the same target again.
 */
public final class TranscriptOptions {

    @Option(names = "--transcript", paramLabel = "FILE",
            description = "Write the session's transcript (JSONL) here instead of the state directory.")
    Path transcript;

    @Option(names = "--no-transcript", description = "Write no transcript.")
    boolean noTranscript;

    @Option(names = "--scenario", paramLabel = "SOURCE", hidden = true,
            description = "Record that the target was built from this C source (relative to the project), "
                    + "so ddx replay --live can rebuild it.")
    String scenario;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private TranscriptWriter writer;

    /**
     * Opens the transcript for a session that starts with {@code header} and writes the header
     * at once; the listener writes every later event as it happens. Returns a listener that
     * writes nothing when transcripts are off.
     *
     * @throws UsageException when the file the user named with --transcript cannot be written
     */
    public SessionListener open(SessionEvent.Started header) {
        return open(header, targets());
    }

    /** As {@link #open(SessionEvent.Started)}, with the session's targets given explicitly. */
    public SessionListener open(SessionEvent.Started header, List<TargetSpec> targets) {
        if (noTranscript) return SessionListener.NONE;
        Path file = transcript != null ? transcript
                : TranscriptLocation.directory().resolve(TranscriptLocation.fileName(header.mode(), header.time()));
        TranscriptHeader h = TranscriptHeader.of(header, targets, Optional.ofNullable(scenario), arguments());
        try {
            writer = TranscriptWriter.open(file, h, TranscriptMasks.session());
            return writer;
        } catch (UncheckedIOException ex) {
            if (transcript == null) return SessionListener.NONE; // the default place is a convenience, not a must
            throw new UsageException(ex.getMessage(), "name a writable file with --transcript, or pass --no-transcript");
        }
    }

    /** The file of the transcript being written, if one is. */
    public Optional<Path> file() {
        return Optional.ofNullable(writer).map(TranscriptWriter::file);
    }

    /** Closes the transcript (also closed by the session's Ended event). */
    public void close() {
        if (writer != null) writer.close();
    }

    /** The command's arguments after its name, without where the transcript goes (that is not part of the session). */
    private List<String> arguments() {
        if (mixee == null || mixee.commandLine() == null || mixee.commandLine().getParseResult() == null) return List.of();
        List<String> all = mixee.commandLine().getParseResult().originalArgs();
        int at = all.indexOf(mixee.name());
        List<String> out = new ArrayList<>();
        for (int i = at + 1; i < all.size(); i++) {
            String a = all.get(i);
            if (a.equals("--transcript") || a.equals("--scenario")) {
                i++;
            } else if (!a.startsWith("--transcript=") && !a.startsWith("--scenario=")) {
                out.add(a);
            }
        }
        return out;
    }

    private List<TargetSpec> targets() {
        List<TargetSpec> out = new ArrayList<>();
        if (mixee == null) return out;
        for (CommandSpec m : mixee.mixins().values()) {
            if (m.userObject() instanceof TargetOptions t && t.any()) {
                try {
                    out.add(t.toSpec());
                } catch (RuntimeException ex) {
                    // the command reports its own target errors; the transcript just lacks the target
                }
            }
        }
        return out;
    }
}
