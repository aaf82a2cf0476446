package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockGraphDetectorsTest {

    @Test
    void aTwoLockCycleIsADeadlockNamingEveryThreadAndLock() {
        Snapshot s = Scenarios.deadlock();
        List<Finding> f = new DeadlockDetector().detect(s);
        assertEquals(1, f.size());
        String facts = String.join("\n", f.get(0).evidence().stream().map(Evidence::fact).toList());
        assertTrue(f.get(0).title().contains("thread 2 and thread 3"), f.get(0).title());
        assertTrue(facts.contains("0x555555558040 (accounts)") && facts.contains("0x555555558080 (ledger)"), facts);
        assertTrue(facts.contains("transfer_funds at /tmp/run-1234/deadlock.c:18"), facts);
        assertEquals(1.0, f.get(0).confidence());
        assertTrue(f.get(0).evidence().stream().allMatch(e -> e.source().equals("gdb run: locks") && e.thread().isPresent()));
    }

    @Test
    void aDeadlockIsNotAWaitChainNorALivelock() {
        List<String> p = SnapshotFixture.patterns(Scenarios.deadlock());
        assertTrue(p.contains("deadlock") && p.contains("hang") && p.contains("blocked-thread"), p.toString());
        assertFalse(p.contains("wait-chain"), p.toString());
        assertFalse(p.contains("livelock"), p.toString());
        assertFalse(p.contains("crash"), p.toString());
    }

    @Test
    void aThreeThreadCycleIsFoundOnceStartingAtTheFirstListedThread() {
        Snapshot s = SnapshotFixture.of()
                .thread("5", ThreadState.BLOCKED, "lock_c@x.c:3").thread("6", ThreadState.BLOCKED, "lock_a@x.c:1")
                .thread("7", ThreadState.BLOCKED, "lock_b@x.c:2")
                .mutex("0xa", "", "5", "6").mutex("0xb", "", "6", "7").mutex("0xc", "", "7", "5").build();
        List<WaitForGraph.Cycle> cycles = WaitForGraph.of(s).cycles();
        assertEquals(1, cycles.size());
        assertEquals(List.of("5", "7", "6"), cycles.get(0).threads());
    }

    @Test
    void aChainBehindAHolderInReadIsAWaitChainNotADeadlock() {
        Snapshot s = Scenarios.waitChain();
        List<Finding> f = new WaitChainDetector().detect(s);
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).title().contains("behind thread 2, which is blocked on I/O"), f.get(0).title());
        assertTrue(f.get(0).title().contains("2 links deep"), f.get(0).title());
        String facts = String.join("\n", f.get(0).evidence().stream().map(Evidence::fact).toList());
        assertTrue(facts.contains("thread 4 (LWP 1004) in waiter at /tmp/run-1234/wait_chain.c:38 waits for pthread_mutex 0x555555558080 (cache_lock) held by thread 3"), facts);
        assertTrue(facts.contains("root blocker: thread 2 (LWP 1002) holds pthread_mutex 0x555555558040 (config_lock) and is blocked on I/O in libc.so.6!__GI___libc_read"), facts);
        List<String> p = SnapshotFixture.patterns(s);
        assertFalse(p.contains("deadlock"), p.toString());
        assertTrue(p.contains("blocked-thread") && p.contains("blocking-module"), p.toString());
    }

    @Test
    void oneWaiterBehindARunningHolderIsOnlyABlockedThread() {
        Snapshot s = SnapshotFixture.of().state(TargetProcess.ProcessState.RUNNING)
                .thread("1", ThreadState.RUNNING, "compute@x.c:5")
                .thread("2", ThreadState.BLOCKED, "__lll_lock_wait", "wait_turn@x.c:9")
                .mutex("0x10", "m", "1", "2").build();
        List<String> p = SnapshotFixture.patterns(s);
        assertTrue(p.contains("blocked-thread"), p.toString());
        assertFalse(p.contains("wait-chain") || p.contains("deadlock") || p.contains("hang"), p.toString());
    }

    @Test
    void blockedThreadsWithoutLockDataAreReportedWithLowerConfidence() {
        Snapshot s = SnapshotFixture.of().thread("1", ThreadState.BLOCKED, "__lll_lock_wait", "take@x.c:4").build();
        List<Finding> f = new BlockedThreadDetector().detect(s);
        assertEquals(1, f.size());
        assertTrue(f.get(0).confidence() < 1.0);
        assertTrue(f.get(0).evidence().get(0).fact().contains("which lock was not read"));
    }

    @Test
    void locksWithoutWaitersGiveNoFinding() {
        Snapshot s = SnapshotFixture.of().thread("1", ThreadState.RUNNING, "f@x.c:1").mutex("0x1", "", "1").build();
        assertTrue(new BlockedThreadDetector().detect(s).isEmpty());
        assertTrue(new WaitChainDetector().detect(s).isEmpty());
        assertTrue(new DeadlockDetector().detect(s).isEmpty());
    }
}
