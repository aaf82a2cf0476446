package dev.ddx.cli;

import dev.ddx.error.UsageException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder for {@code ddx models} until it lands. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the configured model providers and whether they answer.")
public final class ModelsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("ddx models is not available in this build");
    }
}
