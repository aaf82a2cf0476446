package dev.ddx.backend.gdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Probe;
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
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gdb backend on real cores and real programs of the native scenarios. */
class GdbBackendLiveTest {

    @BeforeAll
    static void toolchain() {
        NativeScenarios.assumeToolchain();
    }

    static Snapshot core(String scenario) {
        TargetSpec.Core spec = new TargetSpec.Core(NativeScenarios.core(scenario), NativeScenarios.binary(scenario));
        try (DebuggerBackend b = GdbBackend.open(spec, BackendContext.headless())) {
            return b.snapshot();
        }
    }

    static Snapshot run(String scenario, Duration hangAfter) {
        TargetSpec.Run spec = new TargetSpec.Run(List.of(NativeScenarios.binary(scenario).toString()), hangAfter);
        try (DebuggerBackend b = GdbBackend.open(spec, BackendContext.headless())) {
            return b.snapshot();
        }
    }

    @Test
    void aNullDereferenceCoreNamesTheFaultingThreadSignalAndLine() {
        Snapshot s = core("null_deref");
        assertEquals(TargetProcess.ProcessState.CRASHED, s.process().state());
        assertEquals(TargetProcess.Capture.CORE, s.process().capture());
        ExceptionInfo e = s.exception().orElseThrow();
        assertEquals("SIGSEGV", e.type());
        SignalInfo sig = e.signal().orElseThrow();
        assertEquals(11, sig.number());
        assertEquals("SEGV_MAPERR", sig.codeName());
        assertEquals(0L, sig.faultAddress().orElseThrow());
        TargetThread t = s.faultingThread().orElseThrow();
        StackFrame top = t.top().orElseThrow();
        assertEquals("read_sample", top.function());
        assertTrue(top.source().orElseThrow().file().endsWith("null_deref.c"));
        assertEquals(13, top.source().orElseThrow().line());
        assertEquals("null_deref", top.module());
        assertEquals(CodeOwner.USER, top.owner());
        assertTrue(top.sourceText().orElseThrow().contains("****a.b2->data"));
        assertEquals("worker", t.frames().get(1).function());
        assertEquals(3, s.threads().size());
        assertTrue(s.modules().stream().anyMatch(m -> m.name().startsWith("libc.so") && m.buildId().isPresent()));
    }

    @Test
    void theBadPointerIsTheFirstNullProbe() {
        Snapshot s = core("null_deref");
        Map<String, Probe.Status> probes = s.probes().stream()
                .collect(Collectors.toMap(Probe::expression, Probe::status, (a, b) -> a, java.util.LinkedHashMap::new));
        assertEquals(Probe.Status.OK, probes.get("a.b2"));
        assertEquals(Probe.Status.OK, probes.get("*a.b2->data"));
        assertEquals(Probe.Status.NULL, probes.get("**a.b2->data"));
        assertEquals(Probe.Status.UNREADABLE, probes.get("***a.b2->data"));
        Probe firstBad = s.probes().stream().filter(p -> p.status() != Probe.Status.OK).findFirst().orElseThrow();
        assertEquals("**a.b2->data", firstBad.expression());
    }

    @Test
    void aNullPassedIntoLibcIsProbedAtTheCallerLine() {
        Snapshot s = core("null_libc");
        TargetThread t = s.faultingThread().orElseThrow();
        assertEquals(CodeOwner.SYSTEM, t.top().orElseThrow().owner());
        Probe p = s.probes().get(0);
        assertEquals("name", p.expression());
        assertEquals(Probe.Status.NULL, p.status());
        StackFrame caller = t.frames().get(p.frame());
        assertEquals("name_width", caller.function());
    }

    @Test
    void aDeadlockUnderRunIsAHangWithTwoMutexesOwnedInACycle() {
        Snapshot s = run("deadlock", Duration.ofSeconds(2));
        assertEquals(TargetProcess.ProcessState.HUNG, s.process().state());
        assertTrue(s.exception().isEmpty());
        assertEquals(2, s.locks().size(), s.locks().toString());
        for (LockInfo l : s.locks()) {
            assertTrue(l.owner().isPresent(), l.toString());
            assertEquals(1, l.waiters().size());
            assertFalse(l.owner().get().equals(l.waiters().get(0)));
            TargetThread waiter = s.thread(l.waiters().get(0)).orElseThrow();
            assertEquals(ThreadState.BLOCKED, waiter.state());
            // the owner of one lock waits for the other: a cycle
            assertTrue(s.locks().stream().anyMatch(o -> o != l && o.waiters().contains(l.owner().get())));
        }
        assertEquals(List.of("accounts_lock", "journal_lock"),
                s.locks().stream().map(LockInfo::name).sorted().toList());
    }

    @Test
    void aWaitChainEndsAtAHolderBlockedInRead() {
        Snapshot s = run("wait_chain", Duration.ofSeconds(2));
        assertEquals(1, s.locks().size(), s.locks().toString());
        LockInfo l = s.locks().get(0);
        assertEquals("cache_lock", l.name());
        assertEquals(3, l.waiters().size());
        TargetThread holder = s.thread(l.owner().orElseThrow()).orElseThrow();
        assertEquals(ThreadState.IO_WAIT, holder.state());
        assertTrue(holder.frames().stream().anyMatch(f -> f.function().equals("refresher")));
    }

    @Test
    void aProgramThatExitsNormallyIsReportedAsExited() {
        TargetSpec.Run spec = new TargetSpec.Run(List.of("/bin/sh", "-c", "exit 4"), Duration.ofSeconds(5));
        try (DebuggerBackend b = GdbBackend.open(spec, BackendContext.headless())) {
            Snapshot s = b.snapshot();
            assertEquals(TargetProcess.ProcessState.EXITED, s.process().state());
            assertEquals(4L, s.process().exitCode().orElseThrow());
            assertTrue(s.input().notes().stream().anyMatch(n -> n.contains("exited normally with status 4")));
        }
    }
}
