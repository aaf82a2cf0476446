package dev.ddx.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The process that was examined and how.
 *
 * @param pid        operating-system process id, when known
 * @param executable path or name of the program (a script path for Python)
 * @param arguments  the program's arguments, when known
 * @param runtime    what kind of code runs in it
 * @param capture    how the evidence was captured
 * @param state      what the process was doing when captured
 * @param exitCode   the exit status when the program ended by itself
 */
public record TargetProcess(
        OptionalLong pid,
        String executable,
        List<String> arguments,
        Runtime runtime,
        Capture capture,
        ProcessState state,
        OptionalLong exitCode) {

    public TargetProcess {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(executable, "executable");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(exitCode, "exitCode");
    }

    /** What kind of code runs in the target. */
    public enum Runtime { NATIVE, PYTHON, JVM, WINDOWS, UNKNOWN }

    /** How the evidence was captured. */
    public enum Capture {
        /** a core file read post-mortem */
        CORE,
        /** a live process attached to, then left running */
        ATTACH,
        /** a program launched under the debugger */
        LAUNCH,
        /** text saved from a debugger or a runtime (a pasted backtrace, a thread dump) */
        TEXT,
        /** a recorded transcript */
        TRANSCRIPT
    }

    /** What the process was doing when the snapshot was taken. */
    public enum ProcessState {
        /** stopped by a fatal signal or an uncaught exception */
        CRASHED,
        /** neither finished nor failed within the allowed time */
        HUNG,
        /** running normally (an attach or an observation) */
        RUNNING,
        /** ended by itself */
        EXITED,
        UNKNOWN
    }
}
