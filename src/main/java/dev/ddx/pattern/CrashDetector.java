package dev.ddx.pattern;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.SignalInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Crash: the process stopped on a fatal signal or an uncaught exception. Evidence: the signal or
 * exception, the faulting thread's innermost frame and its first frame of the program's own code,
 * and — for a bad pointer — which dereference on the crashing line was NULL or unreadable.
 */
public final class CrashDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "crash";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        TargetProcess.ProcessState state = s.process().state();
        if (s.exception().isEmpty() || state == TargetProcess.ProcessState.EXITED
                || state == TargetProcess.ProcessState.HUNG || state == TargetProcess.ProcessState.RUNNING) {
            return List.of();
        }
        ExceptionInfo e = s.exception().get();
        Optional<TargetThread> thread = Stacks.faultingThread(s);
        List<StackFrame> frames = Stacks.faultFrames(s);
        String threadId = thread.map(TargetThread::id).or(e::threadId).orElse("");
        List<Evidence> ev = new ArrayList<>();
        ev.add(threadId.isEmpty() ? Evidence.of(describe(e), EvidenceSource.signal(s))
                : Evidence.onThread(describe(e) + " on " + LockLinks.threadLabel(s, threadId), EvidenceSource.signal(s), threadId));
        if (!frames.isEmpty()) {
            StackFrame top = frames.get(0);
            ev.add(frameEvidence(s, "it stopped in " + Stacks.where(top), threadId, top));
            Stacks.firstUserFrame(frames).filter(f -> f.index() != top.index())
                    .ifPresent(f -> ev.add(frameEvidence(s, "the program's own code was at " + Stacks.where(f), threadId, f)));
        }
        BadPointer.find(s).ifPresent(b -> ev.add(Evidence.onFrame(b.sentence(), EvidenceSource.probes(s),
                b.bad().threadId(), b.bad().frame())));
        String where = frames.isEmpty() ? "" : " in " + Stacks.firstUserFrame(frames).orElse(frames.get(0)).label();
        String on = threadId.isEmpty() ? "" : " on thread " + threadId;
        return List.of(new Finding("crash", "Crash: " + headline(e) + on + where, 1.0, ev));
    }

    private static Evidence frameEvidence(Snapshot s, String fact, String threadId, StackFrame f) {
        return threadId.isEmpty() ? Evidence.of(fact, EvidenceSource.stacks(s))
                : Evidence.onFrame(fact, EvidenceSource.stacks(s), threadId, f.index());
    }

    /** {@code SIGSEGV (SEGV_MAPERR) at address 0x0} or {@code ValueError: bad input}. */
    static String headline(ExceptionInfo e) {
        if (e.signal().isEmpty()) return e.message().isEmpty() ? e.type() : e.type() + ": " + e.message();
        SignalInfo sig = e.signal().get();
        StringBuilder b = new StringBuilder(sig.name());
        if (!sig.codeName().isEmpty()) b.append(" (").append(sig.codeName()).append(')');
        sig.faultAddress().ifPresent(a -> b.append(" at address 0x").append(Long.toHexString(a)));
        return b.toString();
    }

    private static String describe(ExceptionInfo e) {
        String h = headline(e);
        if (e.signal().isPresent() && !e.message().isEmpty()) h += ", " + e.message();
        return "stopped by " + h;
    }
}
