package dev.ddx.cli;

import dev.ddx.error.UsageException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder for {@code ddx summarize} until it lands. */
@Command(name = "summarize", mixinStandardHelpOptions = true, description = "Summarise an incident: what happened, the patterns that hold and their evidence.")
public final class SummarizeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("ddx summarize is not available in this build");
    }
}
