package dev.ddx.backend.gdb;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.StackFrame;
import dev.ddx.model.ThreadState;

import java.util.List;
import java.util.Set;

/**
 * What a native thread is doing, read from the system frames at the top of its stack (up to the
 * first frame of the program's own code): waiting for a mutex, on a condition or join, asleep,
 * in blocking I/O, or else running.
 */
public final class NativeThreadStates {
    private static final List<String> BLOCKED = List.of("pthread_mutex_lock", "pthread_mutex_timedlock",
            "pthread_mutex_clocklock", "pthread_mutex_cond_lock", "lll_lock_wait", "lll_mutex_lock", "pthread_rwlock_rdlock",
            "pthread_rwlock_wrlock", "pthread_rwlock_timed", "pthread_rwlock_clock", "pthread_spin_lock");
    private static final List<String> WAITING = List.of("pthread_cond_wait", "pthread_cond_timedwait",
            "pthread_cond_clockwait", "pthread_join", "pthread_clockjoin", "pthread_timedjoin", "pthread_barrier_wait",
            "sigwait", "sigtimedwait", "sigsuspend", "pause", "waitpid", "wait4", "waitid", "new_sem_wait", "sem_wait",
            "sem_timedwait", "sem_clockwait");
    private static final Set<String> SLEEPING = Set.of("nanosleep", "clock_nanosleep", "sleep", "usleep");
    private static final Set<String> IO = Set.of("read", "readv", "pread", "preadv", "recv", "recvfrom", "recvmsg",
            "poll", "ppoll", "select", "pselect", "accept", "accept4", "epoll_wait", "epoll_pwait", "epoll_pwait2",
            "connect", "write", "writev", "pwrite", "send", "sendto", "sendmsg", "msgrcv", "mq_receive", "flock",
            "fcntl", "open", "openat");

    private NativeThreadStates() {
    }

    /** The state shown by these frames (innermost first). */
    public static ThreadState classify(List<StackFrame> frames) {
        for (StackFrame f : frames) {
            if (f.owner() == CodeOwner.USER) break;
            String n = normalise(f.function());
            if (BLOCKED.stream().anyMatch(n::startsWith)) return ThreadState.BLOCKED;
            if (WAITING.stream().anyMatch(n::startsWith)) return ThreadState.WAITING;
            if (SLEEPING.contains(n)) return ThreadState.SLEEPING;
            if (IO.contains(n)) return ThreadState.IO_WAIT;
        }
        return ThreadState.RUNNING;
    }

    /** {@code __GI___libc_read} → {@code read}, {@code ___pthread_mutex_lock} → {@code pthread_mutex_lock}. */
    static String normalise(String function) {
        String n = function;
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
