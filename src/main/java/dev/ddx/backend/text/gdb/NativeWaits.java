package dev.ddx.backend.text.gdb;

import dev.ddx.model.StackFrame;
import dev.ddx.model.ThreadState;

import java.util.List;
import java.util.Set;

/**
 * What a native thread is doing, judged from the C library calls at the top of its stack: a
 * mutex lock is BLOCKED, a condition or join is WAITING, poll/read is IO_WAIT, a sleep is SLEEPING.
 * Only the frames above the program's own code are looked at.
 */
final class NativeWaits {
    static final Set<String> LOCKS = Set.of("pthread_mutex_lock", "pthread_mutex_timedlock",
            "pthread_mutex_clocklock", "lll_mutex_lock_optimized", "lll_lock_wait", "pthread_rwlock_rdlock",
            "pthread_rwlock_wrlock", "pthread_rwlock_timedrdlock", "pthread_rwlock_timedwrlock",
            "pthread_mutex_lock_full", "lll_lock_wait_private", "mutex_lock");
    private static final Set<String> WAITS = Set.of("pthread_cond_wait", "pthread_cond_timedwait",
            "pthread_cond_clockwait", "sem_wait", "sem_timedwait", "pthread_join", "pthread_clockjoin_ex",
            "pthread_timedjoin_np", "g_cond_wait", "g_cond_wait_until", "waitpid", "wait4", "sigwait",
            "sigtimedwait", "pause", "sigsuspend", "futex_abstimed_wait_common64", "futex_wait");
    private static final Set<String> IO = Set.of("poll", "ppoll", "select", "pselect", "epoll_wait", "epoll_pwait",
            "read", "recv", "recvfrom", "recvmsg", "accept", "accept4", "connect", "write", "send", "sendto",
            "libc_read", "libc_recv", "libc_accept", "pselect6");
    private static final Set<String> SLEEPS = Set.of("nanosleep", "clock_nanosleep", "sleep", "usleep",
            "libc_nanosleep", "thrd_sleep");

    private NativeWaits() {
    }

    /** The base name of a C library function: no leading underscores, no {@code GI_} alias prefix, no {@code .} (ppc64). */
    static String base(String function) {
        String f = function;
        if (f.startsWith(".")) f = f.substring(1);
        while (f.startsWith("_")) f = f.substring(1);
        if (f.startsWith("GI_")) f = f.substring(3);
        while (f.startsWith("_")) f = f.substring(1);
        int at = f.indexOf('@');
        if (at > 0) f = f.substring(0, at);
        if (f.endsWith("64")) f = f.substring(0, f.length() - 2);
        return f;
    }

    static ThreadState state(List<StackFrame> frames) {
        for (StackFrame f : frames) {
            if (f.owner() == dev.ddx.model.CodeOwner.USER) break;
            if (LOCKS.contains(base(f.function()))) return ThreadState.BLOCKED;
        }
        for (StackFrame f : frames) {
            if (f.owner() == dev.ddx.model.CodeOwner.USER) break;
            String b = base(f.function());
            if (SLEEPS.contains(b)) return ThreadState.SLEEPING;
            if (IO.contains(b)) return ThreadState.IO_WAIT;
            if (WAITS.contains(b)) return ThreadState.WAITING;
        }
        return ThreadState.UNKNOWN;
    }
}
