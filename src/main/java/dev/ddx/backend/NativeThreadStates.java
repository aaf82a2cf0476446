package dev.ddx.backend;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.StackFrame;
import dev.ddx.model.ThreadState;

import java.util.List;
import java.util.Set;

/**
 * What a native thread is doing, read from the C library frames at the top of its stack (up to
 * the first frame of the program's own code): waiting for a mutex, on a condition or join,
 * asleep, in blocking I/O. One reading for every native source, live gdb and saved gdb text.
 */
public final class NativeThreadStates {
    private static final List<String> BLOCKED = List.of("pthread_mutex_lock", "pthread_mutex_timedlock",
            "pthread_mutex_clocklock", "pthread_mutex_cond_lock", "lll_lock_wait", "lll_mutex_lock", "pthread_rwlock_rdlock",
            "pthread_rwlock_wrlock", "pthread_rwlock_timed", "pthread_rwlock_clock", "pthread_spin_lock", "mutex_lock");
    private static final List<String> WAITING = List.of("pthread_cond_wait", "pthread_cond_timedwait",
            "pthread_cond_clockwait", "pthread_join", "pthread_clockjoin", "pthread_timedjoin", "pthread_barrier_wait",
            "sigwait", "sigtimedwait", "sigsuspend", "pause", "waitpid", "wait4", "waitid", "new_sem_wait", "sem_wait",
            "sem_timedwait", "sem_clockwait", "g_cond_wait", "futex_wait", "futex_abstimed_wait");
    private static final Set<String> SLEEPING = Set.of("nanosleep", "clock_nanosleep", "sleep", "usleep", "thrd_sleep");
    private static final Set<String> IO = Set.of("read", "readv", "pread", "preadv", "recv", "recvfrom", "recvmsg",
            "poll", "ppoll", "select", "pselect", "pselect6", "accept", "accept4", "epoll_wait", "epoll_pwait",
            "epoll_pwait2", "connect", "write", "writev", "pwrite", "send", "sendto", "sendmsg", "msgrcv", "mq_receive",
            "flock", "fcntl", "open", "openat");

    private NativeThreadStates() {
    }

    /** The state these frames (innermost first) show; RUNNING when they show no wait. */
    public static ThreadState classify(List<StackFrame> frames) {
        return classify(frames, ThreadState.RUNNING);
    }

    /**
     * The state these frames show, or {@code otherwise} when they show no wait. A lock wait
     * anywhere above the program's code wins (the futex wait under it is how a lock waits);
     * otherwise the innermost sleep, I/O or wait call decides.
     */
    public static ThreadState classify(List<StackFrame> frames, ThreadState otherwise) {
        for (StackFrame f : frames) {
            if (f.owner() == CodeOwner.USER) break;
            if (isLockCall(f.function())) return ThreadState.BLOCKED;
        }
        for (StackFrame f : frames) {
            if (f.owner() == CodeOwner.USER) break;
            String n = normalise(f.function());
            if (SLEEPING.contains(n)) return ThreadState.SLEEPING;
            if (IO.contains(n)) return ThreadState.IO_WAIT;
            if (WAITING.stream().anyMatch(n::startsWith)) return ThreadState.WAITING;
        }
        return otherwise;
    }

    /** True for a call that waits to take a mutex or rwlock ({@code ___pthread_mutex_lock}, {@code __lll_lock_wait}). */
    public static boolean isLockCall(String function) {
        String n = normalise(function);
        return BLOCKED.stream().anyMatch(n::startsWith);
    }

    /**
     * The base name of a C library function: {@code __GI___libc_read} → {@code read},
     * {@code ___pthread_mutex_lock} → {@code pthread_mutex_lock}, {@code .pthread_join} (ppc64) →
     * {@code pthread_join}, {@code read@plt} → {@code read}.
     */
    public static String normalise(String function) {
        String n = function.startsWith(".") ? function.substring(1) : function;
        int at = n.indexOf('@');
        if (at > 0) n = n.substring(0, at);
        int gi = n.lastIndexOf("GI_");
        if (gi >= 0) n = n.substring(gi + 3);
        boolean changed = true;
        while (changed) {
            String before = n;
            while (n.startsWith("_")) n = n.substring(1);
            if (n.startsWith("libc_")) n = n.substring(5);
            if (n.endsWith("_nocancel")) n = n.substring(0, n.length() - 9);
            if (n.endsWith("64")) n = n.substring(0, n.length() - 2);
            changed = !n.equals(before);
        }
        return n;
    }
}
