package dev.ddx.cli;

import dev.ddx.error.UsageException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder for {@code ddx demo} until it lands. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Build a bundled deadlocking C program, run it and summarise it.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("ddx demo is not available in this build");
    }
}
