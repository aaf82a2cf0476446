package dev.ddx.backend;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.StackFrame;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeThreadStatesTest {

    /** Frames innermost first; the last one is the program's own. */
    private static List<StackFrame> stack(String... system) {
        List<StackFrame> f = new ArrayList<>();
        for (String s : system) f.add(StackFrame.of(f.size(), s, "libc.so.6", null).withOwner(CodeOwner.SYSTEM));
        f.add(StackFrame.of(f.size(), "worker", "app", null).withOwner(CodeOwner.USER));
        return f;
    }

    @Test
    void namesAsGlibcPrintsThem() {
        assertEquals(ThreadState.BLOCKED, NativeThreadStates.classify(stack("futex_wait", "__GI___lll_lock_wait",
                "lll_mutex_lock_optimized", "___pthread_mutex_lock")));
        assertEquals(ThreadState.WAITING, NativeThreadStates.classify(stack("__futex_abstimed_wait_common64",
                "__futex_abstimed_wait_common", "__GI___futex_abstimed_wait_cancelable64", "__pthread_clockjoin_ex")));
        assertEquals(ThreadState.WAITING, NativeThreadStates.classify(stack("__futex_abstimed_wait_common",
                "___pthread_cond_wait")));
        assertEquals(ThreadState.SLEEPING, NativeThreadStates.classify(stack("__GI___clock_nanosleep", "__GI___nanosleep", "usleep")));
        assertEquals(ThreadState.IO_WAIT, NativeThreadStates.classify(stack("__GI___libc_read")));
        assertEquals(ThreadState.IO_WAIT, NativeThreadStates.classify(stack("__GI___poll")));
        assertEquals(ThreadState.RUNNING, NativeThreadStates.classify(stack()));
    }

    @Test
    void aMutexWaitInsideACondWaitIsBlocked() {
        assertEquals(ThreadState.BLOCKED, NativeThreadStates.classify(stack("__lll_lock_wait", "__pthread_mutex_cond_lock",
                "___pthread_cond_wait")));
    }

    @Test
    void framesOfTheProgramStopTheSearch() {
        List<StackFrame> f = new ArrayList<>(stack());
        f.add(StackFrame.of(1, "read", "libc.so.6", null).withOwner(CodeOwner.SYSTEM));
        assertEquals(ThreadState.RUNNING, NativeThreadStates.classify(f), "a read below user code is not where it waits");
    }

    @Test
    void normalisation() {
        assertEquals("read", NativeThreadStates.normalise("__GI___libc_read"));
        assertEquals("pthread_mutex_lock", NativeThreadStates.normalise("___pthread_mutex_lock"));
        assertEquals("pread", NativeThreadStates.normalise("__libc_pread64"));
        assertEquals("read", NativeThreadStates.normalise("__read_nocancel"));
    }
}
