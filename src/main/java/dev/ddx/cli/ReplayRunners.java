package dev.ddx.cli;

import dev.ddx.agent.Conversation;
import dev.ddx.agent.ConversationBuilder;
import dev.ddx.agent.Incident;
import dev.ddx.agent.LogView;
import dev.ddx.agent.OfflineAnalyst;
import dev.ddx.agent.RetryPolicy;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.catalog.Catalog;
import dev.ddx.error.UsageException;
import dev.ddx.event.SessionEvent;
import dev.ddx.model.Snapshot;
import dev.ddx.policy.SecretMasker;
import dev.ddx.transcript.ReplayEngine;
import dev.ddx.transcript.ReplaySession;
import dev.ddx.transcript.TranscriptHeader;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session runners replay uses, one per session mode, and where a transcript's project is.
 * They live in the CLI package because a session is what a command does: replaying a
 * {@code summarize} session runs the summarize command's flow on the recorded (or rebuilt)
 * target, replaying a {@code chat} session asks the recorded questions of a conversation built
 * as {@code ddx chat} builds it, with the model scripted from the recording.
 */
final class ReplayRunners {
    private ReplayRunners() {
    }

    /** An engine for replaying {@code transcript}. */
    static ReplayEngine engine(Path transcript, Clock clock) {
        return new ReplayEngine(runners(), projectDir(transcript), clock);
    }

    static Map<String, ReplayEngine.SessionRunner> runners() {
        return Map.of("summarize", ReplayRunners::summarize, "chat", ReplayRunners::chat);
    }

    /** The summarize flow: one snapshot of the target, the analyzer, the rendering in the recorded format. */
    static void summarize(ReplaySession s) {
        TranscriptHeader h = s.header();
        if (s.targets().isEmpty()) throw new UsageException("the transcript names no target to summarise");
        SummarizeCommand.Format format = format(h);
        TargetSpec target = s.targets().get(0);
        try {
            SummarizeCommand.run(s.bus(), h.started(), () -> snapshot(s, target), format,
                    new PrintWriter(Writer.nullWriter()));
        } catch (RuntimeException alreadyReported) {
            // the summarize flow emitted the Error and Ended events itself, as in a recorded failure
        }
    }

    static SummarizeCommand.Format format(TranscriptHeader h) {
        try {
            return SummarizeCommand.Format.valueOf(h.option("--format").orElse("md"));
        } catch (IllegalArgumentException e) {
            return SummarizeCommand.Format.md;
        }
    }

    private static Snapshot snapshot(ReplaySession s, TargetSpec target) {
        try (DebuggerBackend b = s.open(target)) {
            return b.snapshot();
        }
    }

    /** The chat flow: the recorded questions, asked in order of a conversation over the same targets. */
    static void chat(ReplaySession s) {
        TranscriptHeader h = s.header();
        List<DebuggerBackend> backends = new ArrayList<>();
        for (TargetSpec t : s.targets()) backends.add(s.open(t));
        List<Path> logFiles = h.options("--log").stream().map(Path::of).toList();
        Optional<LogView> logs = ChatLogs.open(logFiles);
        Incident incident = new Incident(backends, logs, Catalog.load(), null, Optional.empty());
        String model = h.model().isEmpty() ? OfflineAnalyst.NAME : h.model();
        ConversationBuilder b = Conversation.builder().incident(incident).bus(s.bus()).clock(s.bus().clock())
                .model(model, s.model()).fallbackToOffline(false)
                .retryPolicy(new RetryPolicy(1, Duration.ZERO, RetryPolicy.standard().maxToolErrors()));
        if (!model.equals(OfflineAnalyst.NAME)) b.secretMasker(new SecretMasker());
        try (Conversation c = b.build()) {
            for (SessionEvent.UserInput u : s.transcript().events(SessionEvent.UserInput.class)) {
                if (u.text().startsWith("/")) continue; // REPL commands are not questions for the model
                if (c.ask(u.text()).outcome() == dev.ddx.agent.Answer.Outcome.SESSION_ENDED) break;
            }
        }
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
