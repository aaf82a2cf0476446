package dev.ddx.cli;

import dev.ddx.agent.LogView;
import dev.ddx.agent.ModelTextRenderer;
import dev.ddx.backend.logs.LogOptions;
import dev.ddx.backend.logs.LogSession;
import dev.ddx.backend.logs.LogSummaryRenderer;
import dev.ddx.model.LogEvent;
import dev.ddx.pattern.Finding;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Opens the logs of a chat session ({@code --log FILE…}) as the agent's {@link LogView}, over a {@link LogSession}. */
final class ChatLogs implements LogView {
    private static final int SUMMARY_CHARS = 4000;
    private final LogSession session;
    private List<Finding> findings;

    private ChatLogs(LogSession session) {
        this.session = session;
    }

    static Optional<LogView> open(List<Path> files) {
        if (files.isEmpty()) return Optional.empty();
        for (Path p : files) TargetOptions.requireFile(p, "log file");
        return Optional.of(new ChatLogs(LogSession.open(files.stream().map(Path::toString).toList(), LogOptions.defaults())));
    }

    @Override
    public String describe() {
        return String.join(", ", session.sourceNames());
    }

    @Override
    public synchronized String summary() {
        return LogSummaryRenderer.text(session.summary(), findings(), SUMMARY_CHARS);
    }

    @Override
    public String search(String text, int limit) {
        List<LogEvent> hits = session.search(text, limit);
        if (hits.isEmpty()) return "no log event contains '" + text + "'";
        StringBuilder b = new StringBuilder();
        for (LogEvent e : hits) {
            b.append(e.lines()).append(": ").append(e.level().isEmpty() ? "" : e.level() + " ")
                    .append(ModelTextRenderer.bound(e.message().replace('\n', ' '))).append('\n');
        }
        return b.toString().stripTrailing();
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public synchronized List<Finding> findings() {
        if (findings == null) findings = session.findings();
        return findings;
    }
}
