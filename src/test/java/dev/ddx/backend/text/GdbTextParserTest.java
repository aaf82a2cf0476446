package dev.ddx.backend.text;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GdbTextParserTest {

    @Test
    void aBugReportCoreNamesTheSignalTheFaultingThreadAndItsFrames() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("native-text/gdb_stacktraces_rhbz-1239318"));
        assertEquals("SIGSEGV", s.exception().orElseThrow().type());
        assertEquals(Optional.of("1"), s.exception().get().threadId());
        assertEquals(6, s.threads().size());
        TargetThread t1 = s.thread("1").orElseThrow();
        assertEquals(2845, t1.nativeId().getAsLong());
        StackFrame top = t1.frames().get(0);
        assertEquals("_dbus_list_foreach", top.function());
        assertEquals("/lib64/libdbus-1.so.3", top.module());
        assertEquals("/usr/libexec/epiphany-search-provider", s.process().executable());
    }

    @Test
    void ppc64DotNamesAndMissingSymbolsAreKept() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("native-text/gdb_stacktraces_rhbz-1119072"));
        assertEquals("SIGTRAP", s.exception().orElseThrow().type());
        assertEquals(".raise", s.thread("1").orElseThrow().frames().get(0).function());
        assertEquals(5, s.threads().size());
        Snapshot xorg = Fixtures.snapshot(Fixtures.sharedLines("native-text/gdb_stacktraces_rhbz-955617"));
        StackFrame unknown = xorg.thread("1").orElseThrow().frames().get(12);
        assertEquals("??", unknown.function());
        assertEquals(CodeOwner.LIBRARY, unknown.owner());
        assertEquals("SIGABRT", xorg.exception().orElseThrow().type());
        assertEquals(6, xorg.exception().get().signal().orElseThrow().number());
    }

    @Test
    void btFullLocalsAndArgumentsAreAttachedToTheirFrames() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("native-text/gdb_stacktraces_rhbz-955617"));
        StackFrame raise = s.thread("1").orElseThrow().frames().get(1);
        assertEquals("__GI_raise", raise.function());
        assertEquals("6", raise.arguments().get(0).value());
        assertTrue(raise.locals().stream().anyMatch(v -> v.name().equals("selftid") && v.value().equals("1073")));
        assertEquals(CodeOwner.SYSTEM, raise.owner());
        assertTrue(s.modules().size() > 10);
    }

    @Test
    void mutexWaitsAndPrintedOwnersBuildTheWaitForGraph() {
        Snapshot s = Fixtures.snapshot(Fixtures.ownLines("gdb-mutex-deadlock.txt"));
        LockInfo ledger = s.locks().stream().filter(l -> l.name().equals("ledger")).findFirst().orElseThrow();
        LockInfo accounts = s.locks().stream().filter(l -> l.name().equals("accounts")).findFirst().orElseThrow();
        assertEquals(java.util.List.of("2"), ledger.waiters());
        assertEquals(Optional.of("3"), ledger.owner());
        assertEquals(java.util.List.of("3"), accounts.waiters());
        assertEquals(Optional.of("2"), accounts.owner());
        assertEquals(ThreadState.BLOCKED, s.thread("2").orElseThrow().state());
        assertEquals(ThreadState.WAITING, s.thread("1").orElseThrow().state()); // pthread_join
        assertTrue(s.input().unparsed().isEmpty(), s.input().unparsed().toString());
    }

    @Test
    void withoutPrintedOwnersNoOwnerIsGuessed() {
        TextLines bt = Fixtures.ownLines("gdb-mutex-deadlock.txt");
        int cut = bt.lines().indexOf("+print accounts");
        Snapshot s = Fixtures.snapshot(bt.slice(0, cut));
        assertEquals(2, s.locks().size());
        assertTrue(s.locks().stream().allMatch(l -> l.owner().isEmpty()));
    }
}
