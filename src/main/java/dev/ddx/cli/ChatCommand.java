package dev.ddx.cli;

import dev.ddx.error.UsageException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder for {@code ddx chat} until it lands. */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "Talk about an incident with the assistant.")
public final class ChatCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("ddx chat is not available in this build");
    }
}
