package dev.ddx.backend.text;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.CounterSeries;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CdbSessionParserTest {

    private static LockInfo lock(Snapshot s, String id) {
        return s.lock(id).orElseThrow(() -> new AssertionError("no lock " + id + " in " + s.locks()));
    }

    @Test
    void theDeadlockWalkthroughGivesTwoCriticalSectionsEachOwnedByTheOtherWaiter() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("cdb/deadlock_session.txt"));
        LockInfo atq = lock(s, "0x68629100");
        LockInfo user = lock(s, "0x24e750");
        assertEquals("critical_section", atq.kind());
        assertEquals("isatq!AtqActiveContextList+a8", atq.name());
        assertEquals(Optional.of("4"), atq.owner());
        assertEquals(List.of("6"), atq.waiters());
        assertEquals(Optional.of("6"), user.owner());
        assertEquals(List.of("4"), user.waiters());
        assertEquals("2", atq.attributes().get("ContentionCount"));
        assertEquals(ThreadState.BLOCKED, s.thread("4").orElseThrow().state());
        assertEquals(0xa3, s.thread("4").orElseThrow().nativeId().getAsLong());
        assertEquals(Optional.of("tid 0xa7"), lock(s, "0x6833dd68").owner()); // a7 is not in the thread list
        assertTrue(s.input().unparsed().isEmpty(), s.input().unparsed().toString());
    }

    @Test
    void theWalkthroughSplitOverFourFilesGivesTheSameGraph() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("cdb/deadlock_tilde6-kb.txt"),
                Fixtures.sharedLines("cdb/deadlock_locks.txt"), Fixtures.sharedLines("cdb/deadlock_tilde4-kb.txt"),
                Fixtures.sharedLines("cdb/deadlock_thread-status.txt"));
        assertEquals(Optional.of("4"), lock(s, "0x68629100").owner());
        assertEquals(List.of("6"), lock(s, "0x68629100").waiters());
        assertEquals(Optional.of("6"), lock(s, "0x24e750").owner());
        assertEquals(List.of("4"), lock(s, "0x24e750").waiters());
    }

    @Test
    void aCriticalSectionTimeoutIsAChainFromTheWaiterToTheOwners() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("cdb/cs-timeout_session.txt"));
        assertEquals(Optional.of("21"), lock(s, "0x5ffa9f9c").owner());
        assertEquals(List.of("24"), lock(s, "0x5ffa9f9c").waiters());
        assertEquals(Optional.of("6"), lock(s, "0x5ffa91b4").owner());
        assertEquals(List.of("21"), lock(s, "0x5ffa91b4").waiters());
    }

    @Test
    void analyzeVerboseGivesTheExceptionTheFaultingStackAndTheBucket() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("cdb/analyze-v_user_divzero_x64_partial.txt"));
        var e = s.exception().orElseThrow();
        assertEquals("c0000094 Integer divide-by-zero", e.type());
        StackFrame top = e.frames().get(0);
        assertEquals("MyFunction", top.function());
        assertEquals("MyApp", top.module());
        assertEquals(CodeOwner.USER, top.owner());
        assertEquals(CodeOwner.SYSTEM, e.frames().get(5).owner()); // ntdll!RtlUserThreadStart
        Snapshot bp = Fixtures.snapshot(Fixtures.sharedLines("cdb/analyze-v_user_breakpoint.txt"));
        assertEquals("MyApp.exe", bp.process().executable());
        assertTrue(bp.input().notes().contains("!analyze: failure bucket 80000003_MyApp!FatalErrorBox+55"));
        assertEquals(new dev.ddx.model.SourceLocation("D:\\source_files\\MyApp\\util.c", 541),
                bp.exception().orElseThrow().frames().get(1).source().orElseThrow());
        assertEquals(List.of(new dev.ddx.model.LineRange("cdb/analyze-v_user_breakpoint.txt", 8, 8)), bp.input().unparsed());
    }

    @Test
    void anAccessViolationRecordBeatsTheDebuggersBreakIn() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("cdb/jdinfo_k_lastevent_user_av_x64.txt"));
        var e = s.exception().orElseThrow();
        assertEquals("c0000005 Access violation", e.type());
        assertEquals(0L, e.signal().orElseThrow().faultAddress().getAsLong());
        assertEquals(Optional.of("0"), e.threadId());
        assertEquals("wmain", s.thread("0").orElseThrow().frames().get(0).function());
        Snapshot kernel = Fixtures.snapshot(Fixtures.sharedLines("cdb/analyze-v_kernel_d1.txt"));
        assertEquals("bugcheck 0xd1", kernel.exception().orElseThrow().type());
    }

    @Test
    void modulesComeWithAddressesSymbolsAndVerboseDetails() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("cdb/lm_user_x64_notepad.txt"));
        var ntdll = s.modules().stream().filter(m -> m.name().equals("ntdll")).findFirst().orElseThrow();
        assertEquals(0x00007ff808db0000L, ntdll.start().getAsLong());
        assertTrue(ntdll.symbols());
        assertTrue(ntdll.path().endsWith("ntdll.pdb"));
        Snapshot v = Fixtures.snapshot(Fixtures.sharedLines("cdb/lmv_kernel_tcpip.txt"));
        var tcpip = v.modules().get(0);
        assertEquals("\\SystemRoot\\System32\\drivers\\tcpip.sys", tcpip.path());
        assertEquals(Optional.of("Sun Nov 09 18:59:03 2014 (546029F7)"), tcpip.timestamp());
    }

    @Test
    void runawayGivesCpuTimesAndACpuSeriesPerThread() {
        Snapshot s = Fixtures.snapshot(Fixtures.ownLines("cdb-runaway-busy-thread.txt"));
        var busy = s.thread("2").orElseThrow();
        assertEquals(115053, busy.cpuTime().orElseThrow().toMillis());
        CounterSeries cpu = s.counters().stream().filter(c -> c.subject().equals("2")).findFirst().orElseThrow();
        assertEquals(121010, cpu.spanMillis());
        assertTrue(cpu.last() / cpu.spanMillis() > 0.9);
    }

    @Test
    void handlesAreCountedByType() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("cdb/handle.txt"));
        assertTrue(s.counters().stream().anyMatch(c -> c.name().equals("handles") && c.subject().equals("process") && c.last() == 6));
        assertTrue(s.counters().stream().anyMatch(c -> c.subject().equals("type Event") && c.last() == 3));
    }

    @Test
    void threadListMarksTheExceptionThreadAndAllStacksAreRead() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("cdb/thread-status.txt"));
        assertEquals(3, s.threads().size());
        Snapshot k = Fixtures.snapshot(Fixtures.sharedLines("cdb/tilde-star-k.txt"));
        assertTrue(k.threads().size() >= 4);
        Snapshot so = Fixtures.snapshot(Fixtures.sharedLines("cdb/kb_user_x86_stackoverflow_framenums.txt"));
        var frames = so.thread("0").orElseThrow().frames();
        assertEquals(0x0e, frames.get(0).index());
        assertEquals("Loop2Big", frames.get(0).function());
    }
}
