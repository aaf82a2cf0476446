package dev.ddx.cli;

import dev.ddx.error.UsageException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder for {@code ddx patterns} until it lands. */
@Command(name = "patterns", mixinStandardHelpOptions = true, description = "Browse and search the pattern catalog.")
public final class PatternsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("ddx patterns is not available in this build");
    }
}
