package dev.ddx.cli;

import dev.ddx.error.UsageException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code ddx logs timeline | plot | sequence}. */
final class LogsPictureCommands {
    private LogsPictureCommands() {
    }

    @Command(name = "timeline", mixinStandardHelpOptions = true, description = "One lane per thread: what every thread logged when.")
    static final class Timeline implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UsageException("ddx logs timeline is not available yet");
        }
    }

    @Command(name = "plot", mixinStandardHelpOptions = true, description = "Numeric series from template parameters over time.")
    static final class Plot implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UsageException("ddx logs plot is not available yet");
        }
    }

    @Command(name = "sequence", mixinStandardHelpOptions = true, description = "Sequence diagram of messages between components/threads.")
    static final class Sequence implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UsageException("ddx logs sequence is not available yet");
        }
    }
}
