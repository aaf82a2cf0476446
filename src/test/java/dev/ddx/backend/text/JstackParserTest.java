package dev.ddx.backend.text;

import dev.ddx.model.LockInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import dev.ddx.model.CodeOwner;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JstackParserTest {

    private static TargetThread named(Snapshot s, String name) {
        return s.threads().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static LockInfo waitedBy(Snapshot s, String threadId) {
        return s.locks().stream().filter(l -> l.waiters().contains(threadId)).findFirst().orElseThrow();
    }

    @Test
    void aBlockedCycleWithoutTheJvmSectionIsReadFromTheMonitorLines() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("java-dumps/thread-dump-deadlock.txt"));
        TargetThread a = named(s, "Thread-A");
        TargetThread b = named(s, "Thread-B");
        assertEquals(ThreadState.BLOCKED, a.state());
        assertEquals(Optional.of(b.id()), waitedBy(s, a.id()).owner());
        assertEquals(Optional.of(a.id()), waitedBy(s, b.id()).owner());
        assertEquals("com.example.DeadlockExample.methodA", a.frames().get(0).function());
        assertEquals(CodeOwner.USER, a.frames().get(0).owner());
        assertTrue(s.input().unparsed().isEmpty(), s.input().unparsed().toString());
    }

    @Test
    void theJvmsOwnDeadlockReportNamesMonitorAndOwnableSynchronizerCycles() {
        Snapshot s = Fixtures.snapshot(Fixtures.ownLines("jstack-jdk25-1.txt"));
        for (String[] pair : new String[][] {{"monitor-a", "monitor-b"}, {"juc-a", "juc-b"}}) {
            TargetThread a = named(s, pair[0]);
            TargetThread b = named(s, pair[1]);
            assertEquals(ThreadState.BLOCKED, a.state(), pair[0]);
            assertEquals(Optional.of(b.id()), waitedBy(s, a.id()).owner(), pair[0]);
            assertEquals(Optional.of(a.id()), waitedBy(s, b.id()).owner(), pair[1]);
        }
        assertEquals("juc_lock", waitedBy(s, named(s, "juc-a").id()).kind());
        assertTrue(s.input().notes().stream().anyMatch(n -> n.contains("reported 2 Java-level deadlocks")));
        assertTrue(s.input().unparsed().isEmpty(), s.input().unparsed().toString());
    }

    @Test
    void parkedJucWaitersFindTheirOwnerInLockedOwnableSynchronizersOnJdk17() {
        Snapshot s = Fixtures.snapshot(Fixtures.ownLines("jstack-jdk17-1.txt"));
        TargetThread a = named(s, "juc-a");
        TargetThread b = named(s, "juc-b");
        assertEquals(ThreadState.BLOCKED, a.state());
        assertEquals(Optional.of(b.id()), waitedBy(s, a.id()).owner());
        assertEquals(Optional.of(a.id()), waitedBy(s, b.id()).owner());
    }

    @Test
    void threeDumpsInARowGiveACpuSeriesWhereTheBusyThreadGrows() {
        Snapshot s = Fixtures.snapshot(Fixtures.ownLines("jstack-jdk25-1.txt"), Fixtures.ownLines("jstack-jdk25-2.txt"),
                Fixtures.ownLines("jstack-jdk25-3.txt"));
        String spinner = named(s, "spinner").id();
        var cpu = s.counters().stream().filter(c -> c.name().equals("cpu") && c.subject().equals(spinner)).findFirst().orElseThrow();
        assertEquals(4, cpu.samples().size()); // the thread's start and three dumps
        assertTrue(cpu.last() - cpu.samples().get(1).value() > 1000, cpu.toString());
        var blocked = s.counters().stream().filter(c -> c.name().equals(Timeline.BLOCKED)
                && c.subject().equals(named(s, "monitor-a").id())).findFirst().orElseThrow();
        assertTrue(blocked.samples().stream().allMatch(x -> x.value() == 1.0));
        assertTrue(s.input().kind().contains("3 dumps in a row"), s.input().kind());
    }

    @Test
    void jdk8AndJdk21DumpsGiveEveryThreadWithItsStateAndFrames() {
        Snapshot s8 = Fixtures.snapshot(Fixtures.sharedLines("java-dumps/java8dump.log"));
        Snapshot s21 = Fixtures.snapshot(Fixtures.sharedLines("java-dumps/java21dump.log"));
        assertTrue(s8.threads().size() > 5);
        assertTrue(s21.threads().size() > 5);
        TargetThread main = named(s21, "main");
        assertEquals(ThreadState.IO_WAIT, main.state()); // RUNNABLE in socketAccept
        assertEquals(6, main.frames().size());
        assertEquals(CodeOwner.SYSTEM, main.frames().get(0).owner());
        assertEquals(CodeOwner.USER, main.frames().get(4).owner());
    }

    @Test
    void jcmdTextDumpListsVirtualThreads() {
        Snapshot s = Fixtures.snapshot(Fixtures.ownLines("jcmd-threads-jdk25.txt"));
        assertEquals(DumpKind.JCMD_THREADS.label(), s.input().kind());
        TargetThread v = named(s, "virtual-0");
        assertEquals(ThreadState.SLEEPING, v.state());
        assertTrue(s.input().notes().stream().anyMatch(n -> n.contains("2 virtual threads")), s.input().notes().toString());
        assertEquals(ThreadState.BLOCKED, named(s, "monitor-a").state());
    }
}
