package dev.ddx.cli;

import dev.ddx.backend.TargetSpec;
import dev.ddx.error.UsageException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options that name a target, shared by {@code summarize} and {@code chat}. */
public final class TargetOptions {

    @Option(names = "--core", paramLabel = "FILE", description = "A core file (needs --exe).")
    Path core;

    @Option(names = "--exe", paramLabel = "FILE", description = "The executable that produced the core.")
    Path exe;

    @Option(names = "--pid", paramLabel = "N", description = "A live process: attach, snapshot, detach.")
    Long pid;

    @Option(names = "--observe", paramLabel = "S",
            description = "With --pid or --python: sample CPU, memory, fds and threads for S seconds.")
    Double observe;

    @Option(names = "--run", description = "Launch PROGRAM ARGS… (after --) under gdb.")
    boolean run;

    @Option(names = "--hang-after", paramLabel = "S",
            description = "With --run or --python: declare a hang after S seconds (default ${DEFAULT-VALUE}).",
            defaultValue = "10")
    double hangAfter;

    @Option(names = "--python", paramLabel = "SCRIPT", description = "A Python script to run under the pdb driver.")
    Path python;

    @Option(names = "--requirements", paramLabel = "FILE",
            description = "With --python: pinned versions to check installed distributions against.")
    Path requirements;

    @Option(names = "--dump", paramLabel = "FILE",
            description = "Saved debugger or runtime text (cdb/WinDbg, gdb, jstack, Python); '-' reads stdin. Repeatable.")
    List<String> dumps = new ArrayList<>();

    @Option(names = "--cdb", paramLabel = "PATH", description = "Drive cdb.exe (Windows) at PATH on --cdb-dump or --cdb-pid.")
    Path cdbPath;

    @Option(names = "--cdb-dump", paramLabel = "FILE", description = "A Windows dump for live cdb.")
    Path cdbDump;

    @Option(names = "--cdb-pid", paramLabel = "N", description = "A Windows process for live cdb.")
    Long cdbPid;

    @Parameters(paramLabel = "PROGRAM", arity = "0..*",
            description = "After --: the program and its arguments (--run), or the script's arguments (--python).")
    List<String> program = new ArrayList<>();

    /** True when any target option was given. */
    public boolean any() {
        return core != null || pid != null || run || python != null || !dumps.isEmpty() || cdbPath != null
                || cdbDump != null || cdbPid != null;
    }

    /** The one target these options name. */
    public TargetSpec toSpec() {
        int kinds = (core != null ? 1 : 0) + (pid != null ? 1 : 0) + (run ? 1 : 0) + (python != null ? 1 : 0)
                + (dumps.isEmpty() ? 0 : 1) + (cdbDump != null || cdbPid != null ? 1 : 0);
        if (kinds == 0) {
            throw new UsageException("no target given",
                    "name one: --core FILE --exe FILE, --pid N, --run -- PROGRAM, --python SCRIPT, or --dump FILE");
        }
        if (kinds > 1) {
            throw new UsageException("more than one target given",
                    "name one of --core, --pid, --run, --python, --dump, --cdb-dump/--cdb-pid");
        }
        Duration hang = seconds("--hang-after", hangAfter);
        Duration obs = observe == null ? Duration.ZERO : seconds("--observe", observe);
        if (core != null) {
            if (exe == null) throw new UsageException("--core needs --exe", "add --exe PATH_TO_THE_PROGRAM");
            requireFile(core, "core file");
            requireFile(exe, "executable");
            return new TargetSpec.Core(core, exe);
        }
        if (pid != null) {
            if (pid <= 0) throw new UsageException("--pid must be a positive process id, not " + pid);
            return new TargetSpec.Pid(pid, obs);
        }
        if (run) {
            if (program.isEmpty()) throw new UsageException("--run needs a program", "write: --run -- ./program ARGS");
            return new TargetSpec.Run(program, hang);
        }
        if (python != null) {
            requireFile(python, "script");
            Optional<Path> req = Optional.ofNullable(requirements);
            req.ifPresent(r -> requireFile(r, "requirements file"));
            return new TargetSpec.Python(python, program, hang, obs, req);
        }
        if (!dumps.isEmpty()) {
            for (String d : dumps) if (!d.equals("-")) requireFile(Path.of(d), "dump file");
            return new TargetSpec.Dump(dumps);
        }
        return new TargetSpec.Cdb(Optional.ofNullable(cdbDump), Optional.ofNullable(cdbPid), Optional.ofNullable(cdbPath));
    }

    private static Duration seconds(String option, double s) {
        if (!(s > 0) || s > 86_400) throw new UsageException(option + " must be between 0 and 86400 seconds, not " + s);
        return Duration.ofMillis(Math.round(s * 1000));
    }

    static void requireFile(Path p, String what) {
        if (!Files.exists(p)) throw new UsageException(what + " " + p + " does not exist", "check the path");
        if (Files.isDirectory(p)) throw new UsageException(what + " " + p + " is a directory", "name a file");
        if (!Files.isReadable(p)) throw new UsageException(what + " " + p + " is not readable", "check its permissions");
    }
}
