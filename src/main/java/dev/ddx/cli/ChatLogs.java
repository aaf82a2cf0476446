package dev.ddx.cli;

import dev.ddx.agent.LogView;
import dev.ddx.error.UsageException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Opens the logs of a chat session ({@code --log FILE…}) as the agent's {@link LogView}. */
final class ChatLogs {
    private ChatLogs() {
    }

    static Optional<LogView> open(List<Path> files) {
        if (files.isEmpty()) return Optional.empty();
        for (Path p : files) TargetOptions.requireFile(p, "log file");
        throw new UsageException("--log is not available in this build yet", "summarise the log with ddx logs FILE");
    }
}
