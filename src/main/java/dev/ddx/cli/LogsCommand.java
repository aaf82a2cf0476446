package dev.ddx.cli;

import dev.ddx.error.UsageException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder for {@code ddx logs} until it lands. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Read logs: parse, summarise, draw timelines, plots and sequence diagrams.")
public final class LogsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("ddx logs is not available in this build");
    }
}
