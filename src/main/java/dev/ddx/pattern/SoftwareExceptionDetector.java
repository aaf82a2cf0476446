package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Software exception: the program stopped itself — a failed assert, a glibc heap check, the stack
 * protector or fortify checks, or an explicit abort()/raise(). Read from the faulting stack
 * (__assert_fail, malloc_printerr, abort, raise) and from SIGABRT sent with SI_TKILL.
 */
public final class SoftwareExceptionDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "software-exception";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        if (s.exception().isEmpty()) return List.of();
        Optional<StackFrame> assertFrame = Aborts.frame(s, Aborts.ASSERT);
        Optional<StackFrame> heapFrame = Aborts.frame(s, Aborts.HEAP);
        Optional<StackFrame> guardFrame = Aborts.frame(s, Aborts.GUARD);
        Optional<StackFrame> abortFrame = Aborts.frame(s, Aborts.ABORT);
        boolean sigabrt = Aborts.isSigabrt(s);
        if (assertFrame.isEmpty() && heapFrame.isEmpty() && guardFrame.isEmpty() && abortFrame.isEmpty() && !sigabrt) {
            return List.of();
        }
        String thread = Aborts.thread(s);
        List<Evidence> ev = new ArrayList<>();
        Aborts.signal(s).filter(x -> sigabrt).ifPresent(x -> ev.add(Evidence.onThread("SIGABRT"
                + (x.codeName().isEmpty() ? "" : " with si_code " + x.codeName())
                + (Aborts.selfSent(s) ? ": the process sent the signal to itself" : ""), EvidenceSource.signal(s), thread)));
        String title;
        if (assertFrame.isPresent()) {
            StackFrame f = Stacks.faultingThread(s).map(t -> t.frames().stream()
                    .filter(x -> Aborts.ASSERT.contains(Stacks.bareName(x.function())))
                    .filter(x -> Aborts.argument(x, "assertion").isPresent()).findFirst().orElse(assertFrame.get()))
                    .orElse(assertFrame.get());
            String cond = Aborts.argument(f, "assertion").orElse("");
            String at = Aborts.argument(f, "file").map(file -> file + Aborts.argument(f, "line").map(l -> ":" + l).orElse(""))
                    .orElse("");
            ev.add(frame(s, thread, f, "assertion " + (cond.isEmpty() ? "" : "'" + cond + "' ") + "failed"
                    + (at.isEmpty() ? "" : " at " + at) + " (" + Stacks.where(f) + ")"));
            title = "Software exception: assertion " + (cond.isEmpty() ? "" : "'" + cond + "' ") + "failed";
        } else if (heapFrame.isPresent()) {
            StackFrame f = heapFrame.get();
            String msg = Aborts.quotedArgument(f, "str").orElse("");
            ev.add(frame(s, thread, f, "glibc's heap check stopped the program in " + Stacks.where(f)
                    + (msg.isEmpty() ? "" : ": \"" + msg + "\"")));
            title = "Software exception: glibc aborted on a heap check" + (msg.isEmpty() ? "" : " (" + msg + ")");
        } else if (guardFrame.isPresent()) {
            ev.add(frame(s, thread, guardFrame.get(), "a runtime guard failed in " + Stacks.where(guardFrame.get())));
            title = "Software exception: " + guardFrame.get().function() + " stopped the program";
        } else {
            title = "Software exception: the program aborted itself";
        }
        abortFrame.ifPresent(f -> ev.add(frame(s, thread, f, "the stack passes through " + Stacks.where(f))));
        Stacks.faultingThread(s).flatMap(t -> Stacks.firstUserFrame(t.frames()))
                .ifPresent(f -> ev.add(frame(s, thread, f, "called from the program's " + Stacks.where(f))));
        return List.of(new Finding("software-exception", title, assertFrame.isPresent() || heapFrame.isPresent() ? 1.0 : 0.8, ev));
    }

    static Evidence frame(Snapshot s, String thread, StackFrame f, String fact) {
        return thread.isEmpty() ? Evidence.of(fact, EvidenceSource.stacks(s))
                : Evidence.onFrame(fact, EvidenceSource.stacks(s), thread, f.index());
    }
}
