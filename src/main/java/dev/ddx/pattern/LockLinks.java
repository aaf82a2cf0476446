package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.Optional;

/** Sentences about wait-for links, shared by the lock-graph detectors so they name things alike. */
final class LockLinks {
    private LockLinks() {
    }

    /** {@code thread 2 "worker" (LWP 12) in transfer_funds at deadlock.c:21 waits for pthread_mutex 0x… held by thread 3}. */
    static String sentence(Snapshot s, WaitForGraph.Link l) {
        StringBuilder b = new StringBuilder(threadLabel(s, l.waiter()));
        userFrame(s, l.waiter()).ifPresent(f -> b.append(" in ").append(f.label()));
        b.append(" waits for ").append(l.lock().label());
        b.append(l.owner().map(o -> " held by " + threadLabel(s, o)).orElse(" (owner unknown)"));
        l.lock().acquiredAt().ifPresent(a -> b.append(", taken at ").append(a));
        return b.toString();
    }

    /** What the root blocker is doing: {@code thread 4 holds … and is blocked on I/O in read (libc.so.6)}. */
    static String rootSentence(Snapshot s, WaitForGraph g, String root) {
        StringBuilder b = new StringBuilder(threadLabel(s, root));
        if (!g.held(root).isEmpty()) {
            b.append(" holds ").append(String.join(", ", g.held(root).stream().map(x -> x.label()).toList()));
        }
        Optional<TargetThread> t = s.thread(root);
        ThreadState st = t.map(TargetThread::state).orElse(ThreadState.UNKNOWN);
        b.append(switch (st) {
            case IO_WAIT -> " and is blocked on I/O";
            case WAITING -> " and is waiting on a condition or event";
            case SLEEPING -> " and is sleeping";
            case BLOCKED -> " and is blocked";
            case RUNNING -> " and is running";
            default -> " (state " + st.name().toLowerCase() + ")";
        });
        t.flatMap(TargetThread::top).ifPresent(f -> b.append(" in ").append(Stacks.moduleBang(f)));
        userFrame(s, root).ifPresent(f -> b.append(", called from ").append(f.label()));
        return b.toString();
    }

    static String threadLabel(Snapshot s, String id) {
        return s.thread(id).map(TargetThread::label).orElse("thread " + id);
    }

    static Optional<StackFrame> userFrame(Snapshot s, String id) {
        return s.thread(id).flatMap(t -> Stacks.firstUserFrame(t.frames()));
    }

    static Evidence evidence(Snapshot s, String fact, String threadId) {
        Optional<StackFrame> f = userFrame(s, threadId);
        return f.isPresent() ? Evidence.onFrame(fact, EvidenceSource.locks(s), threadId, f.get().index())
                : Evidence.onThread(fact, EvidenceSource.locks(s), threadId);
    }
}
