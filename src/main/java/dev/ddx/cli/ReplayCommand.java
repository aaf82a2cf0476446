package dev.ddx.cli;

import dev.ddx.error.UsageException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder for {@code ddx replay} until it lands. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replay recorded transcripts as regression tests.")
public final class ReplayCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("ddx replay is not available in this build");
    }
}
