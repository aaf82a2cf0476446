package dev.ddx.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the user pointed ddx at, as parsed from the command line. */
public sealed interface TargetSpec {

    /** A core file and the executable that produced it. */
    record Core(Path core, Path executable) implements TargetSpec {
    }

    /** A live process: attach, snapshot (observing for {@code observe} when non-zero), detach. */
    record Pid(long pid, Duration observe) implements TargetSpec {
    }

    /** A program launched under gdb; a hang is declared after {@code hangAfter}. */
    record Run(List<String> command, Duration hangAfter) implements TargetSpec {
        public Run {
            command = List.copyOf(command);
        }
    }

    /** A Python script run under the pdb driver. */
    record Python(Path script, List<String> arguments, Duration hangAfter, Duration observe,
                  Optional<Path> requirements) implements TargetSpec {
        public Python {
            arguments = List.copyOf(arguments);
        }
    }

    /** Saved debugger or runtime text: one or more files, or "-" for stdin. */
    record Dump(List<String> files) implements TargetSpec {
        public Dump {
            files = List.copyOf(files);
        }
    }

    /** cdb.exe driven live, on a dump file or a process id. */
    record Cdb(Optional<Path> dump, Optional<Long> pid, Optional<Path> cdbPath) implements TargetSpec {
    }

    /** A recorded transcript. */
    record Transcript(Path file) implements TargetSpec {
    }
}
