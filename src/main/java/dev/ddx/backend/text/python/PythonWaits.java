package dev.ddx.backend.text.python;

import dev.ddx.model.StackFrame;
import dev.ddx.model.ThreadState;

import java.util.List;
import java.util.Set;

/** What a Python thread waits for, from the standard-library call on top of its stack. */
final class PythonWaits {
    private static final Set<String> WAITS = Set.of("wait", "get", "join", "_wait_for_tstate_lock", "result",
            "_worker", "wait_for");
    private static final Set<String> IO = Set.of("select", "poll", "accept", "recv", "recv_into", "read", "readline",
            "readinto", "_recv", "_read_status", "_readall", "connect", "sendall");
    private static final Set<String> LOCKS = Set.of("acquire", "__enter__");

    private PythonWaits() {
    }

    private static final Set<String> NATIVE_LOCKS = Set.of("__lll_lock_wait", "lll_lock_wait", "pthread_mutex_lock",
            "___pthread_mutex_lock", "PyThread_acquire_lock_timed", "PyThread_acquire_lock", "sem_wait", "sem_clockwait",
            "do_futex_wait", "__new_sem_wait_slow64");

    static ThreadState state(List<StackFrame> frames) {
        int k = 0;
        while (k < frames.size() && frames.get(k).source().isEmpty()) { // --native frames above the Python ones
            if (NATIVE_LOCKS.contains(frames.get(k).function())) return ThreadState.BLOCKED;
            k++;
        }
        if (k >= frames.size()) return ThreadState.UNKNOWN;
        StackFrame top = frames.get(k);
        String f = top.function();
        if (f.equals("sleep")) return ThreadState.SLEEPING;
        if (top.owner() != dev.ddx.model.CodeOwner.SYSTEM) return ThreadState.UNKNOWN;
        if (LOCKS.contains(f)) return ThreadState.BLOCKED;
        if (IO.contains(f)) return ThreadState.IO_WAIT;
        if (WAITS.contains(f)) return ThreadState.WAITING;
        return ThreadState.UNKNOWN;
    }
}
