package dev.ddx.backend.gdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.model.LockInfo;
import dev.ddx.model.SignalInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cores of the other crashing scenarios, and a core of 64 blocked threads. */
class GdbCrashesLiveTest {

    @BeforeAll
    static void toolchain() {
        NativeScenarios.assumeToolchain();
    }

    private static Snapshot core(String scenario) {
        return GdbBackendLiveTest.core(scenario);
    }

    private static boolean calls(TargetThread t, String function) {
        return t.frames().stream().anyMatch(f -> f.function().contains(function));
    }

    @Test
    void aStackOverflowKeepsTheInnermostFramesAndTheRealDepth() {
        Snapshot s = core("stack_overflow");
        TargetThread t = s.faultingThread().orElseThrow();
        assertEquals("SIGSEGV", s.exception().orElseThrow().type());
        assertTrue(t.depth() > 2000, "depth " + t.depth());
        assertTrue(t.truncated());
        assertTrue(t.frames().size() <= 220, "frames kept: " + t.frames().size());
        assertTrue(t.frames().subList(0, 200).stream().allMatch(f -> f.function().equals("walk")));
        StackFrame outermost = t.frames().get(t.frames().size() - 1);
        assertEquals(t.depth() - 1, outermost.index(), "the outermost frames are kept with their real index");
        assertTrue(calls(t, "walker"), "the thread's entry function is among the outermost frames");
    }

    @Test
    void aFailedAssertIsAnAbortWithTheAssertingFunctionOnTheStack() {
        Snapshot s = core("assert_fail");
        SignalInfo sig = s.exception().orElseThrow().signal().orElseThrow();
        assertEquals("SIGABRT", sig.name());
        assertEquals("SI_TKILL", sig.codeName());
        assertTrue(sig.faultAddress().isEmpty());
        TargetThread t = s.faultingThread().orElseThrow();
        assertTrue(calls(t, "__assert_fail"));
        assertTrue(calls(t, "withdraw"));
    }

    @Test
    void aDoubleFreeIsAnAbortFromTheHeapChecks() {
        Snapshot s = core("double_free");
        assertEquals("SIGABRT", s.exception().orElseThrow().type());
        TargetThread t = s.faultingThread().orElseThrow();
        assertTrue(calls(t, "malloc_printerr") || calls(t, "free"), t.frames().toString());
        assertTrue(calls(t, "release"));
    }

    @Test
    void aDivisionByZeroIsSigfpeWithItsCodeAndAddress() {
        Snapshot s = core("sigfpe");
        SignalInfo sig = s.exception().orElseThrow().signal().orElseThrow();
        assertEquals("SIGFPE", sig.name());
        assertEquals("FPE_INTDIV", sig.codeName());
        StackFrame top = s.faultingThread().orElseThrow().top().orElseThrow();
        assertEquals("average", top.function());
        assertEquals(top.pc().orElseThrow(), sig.faultAddress().orElseThrow(), "si_addr is the faulting instruction");
        assertTrue(top.arguments().stream().anyMatch(v -> v.name().equals("count") && v.value().equals("0")));
        assertTrue(s.probes().isEmpty(), "only bad pointers are probed");
    }

    @Test
    void aCoreOfSixtyFourBlockedThreadsHasEveryThreadAndTheLockOwner() {
        Snapshot s = new GdbCoreOf64().snapshot();
        assertEquals(64, s.threads().size());
        assertEquals(TargetProcess.ProcessState.RUNNING, s.process().state(), "a core of a live process did not crash");
        assertTrue(s.exception().isEmpty());
        LockInfo pool = s.locks().stream().filter(l -> l.name().equals("pool_lock")).findFirst().orElseThrow();
        assertEquals(31, pool.waiters().size(), "the odd workers of 0..62 wait for the pool lock");
        TargetThread owner = s.thread(pool.owner().orElseThrow()).orElseThrow();
        assertTrue(calls(owner, "main"));
        assertEquals(31, s.threads().stream().filter(t -> t.state() == ThreadState.BLOCKED).count());
        assertEquals(32, s.threads().stream().filter(t -> t.state() == ThreadState.WAITING && calls(t, "wait_queue")).count());
    }

    @Test
    void observingALivelockShowsTwoThreadsBurningCpuWithoutBlocking() {
        try (NativeScenarios.LiveProcess p = NativeScenarios.start("livelock").settle(Duration.ofMillis(300));
             DebuggerBackend b = GdbBackend.open(new TargetSpec.Pid(p.pid(), Duration.ofSeconds(2)), BackendContext.headless())) {
            Snapshot s = b.snapshot();
            List<TargetThread> workers = s.threads().stream().filter(t -> calls(t, "transfer")).toList();
            assertEquals(2, workers.size());
            for (TargetThread t : workers) {
                assertTrue(t.cpuTime().orElseThrow().toMillis() > 50, t.label() + " " + t.cpuTime());
                assertTrue(t.state() == ThreadState.RUNNING, t.label() + " is " + t.state());
            }
            assertTrue(s.counters().stream().filter(c -> c.name().equals("cpu")).count() >= 3);
        }
    }

    /** The benchmark's core: the 64-thread scenario cored while running. */
    static final class GdbCoreOf64 {
        Snapshot snapshot() {
            TargetSpec.Core spec = new TargetSpec.Core(NativeScenarios.coreOfRunning("threads64", Duration.ofSeconds(1)),
                    NativeScenarios.binary("threads64"));
            try (DebuggerBackend b = GdbBackend.open(spec, BackendContext.headless())) {
                return b.snapshot();
            }
        }
    }
}
