package dev.ddx.report;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.SignalInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.pattern.Stacks;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fault of a crashed target: the signal (or exception type), where it was raised, the
 * faulting frame.
 *
 * @param type         the signal name or exception type
 * @param message      the exception's message or the signal's description
 * @param signal       signal details, for native crashes
 * @param faultAddress the faulting address, when meaningful
 * @param thread       the faulting thread's id, or empty
 * @param frame        the innermost frame of the fault, when known
 */
public record CrashView(String type, String message, Optional<SignalInfo> signal, OptionalLong faultAddress,
                        String thread, Optional<StackFrame> frame) {

    /** The crash of this snapshot; empty when the target did not crash. */
    public static Optional<CrashView> of(Snapshot s) {
        TargetProcess.ProcessState st = s.process().state();
        if (s.exception().isEmpty() || st == TargetProcess.ProcessState.HUNG || st == TargetProcess.ProcessState.EXITED
                || st == TargetProcess.ProcessState.RUNNING) {
            return Optional.empty();
        }
        ExceptionInfo e = s.exception().get();
        List<StackFrame> frames = Stacks.faultFrames(s);
        String thread = Stacks.faultingThread(s).map(TargetThread::id).or(e::threadId).orElse("");
        OptionalLong addr = e.signal().map(SignalInfo::faultAddress).orElse(OptionalLong.empty());
        return Optional.of(new CrashView(e.type(), e.message(), e.signal(), addr, thread,
                frames.isEmpty() ? Optional.empty() : Optional.of(frames.get(0))));
    }
}
