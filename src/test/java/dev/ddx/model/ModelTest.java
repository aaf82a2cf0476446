package dev.ddx.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTest {

    private static TargetThread thread(String id, String... functions) {
        List<StackFrame> frames = new java.util.ArrayList<>();
        for (int i = 0; i < functions.length; i++) frames.add(StackFrame.of(i, functions[i], "a.out", null));
        return new TargetThread(id, OptionalLong.of(100 + Long.parseLong(id)), "", ThreadState.BLOCKED,
                Optional.of(Duration.ofMillis(5)), false, frames);
    }

    @Test
    void aSnapshotFindsItsFaultingThreadThroughTheException() {
        ExceptionInfo segv = new ExceptionInfo("SIGSEGV", "Segmentation fault", Optional.of("2"),
                Optional.of(new SignalInfo("SIGSEGV", 11, OptionalInt.of(1), "SEGV_MAPERR", OptionalLong.of(0))),
                List.of(), Optional.empty(), List.of());
        Snapshot s = new Snapshot(
                new TargetProcess(OptionalLong.of(42), "./server", List.of(), TargetProcess.Runtime.NATIVE,
                        TargetProcess.Capture.CORE, TargetProcess.ProcessState.CRASHED, OptionalLong.empty()),
                List.of(thread("1", "main"), thread("2", "parse", "main")), List.of(), Optional.of(segv),
                List.of(), List.of(), List.of(), InputInfo.of("gdb core", "core.42"));
        assertEquals("2", s.faultingThread().orElseThrow().id());
        assertEquals("parse", s.faultingThread().orElseThrow().top().orElseThrow().function());
    }

    @Test
    void aCutShortStackKeepsItsRealDepth() {
        TargetThread t = thread("1", "recurse", "recurse", "recurse");
        TargetThread deep = new TargetThread(t.id(), t.nativeId(), t.name(), t.state(), t.cpuTime(), false,
                t.frames(), 174_000);
        assertTrue(deep.truncated());
        assertEquals(174_000, deep.depth());
        assertFalse(t.truncated());
        assertEquals(3, t.depth());
    }

    @Test
    void anExceptionChainListsOutermostFirst() {
        ExceptionInfo root = new ExceptionInfo("KeyError", "'id'", Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), List.of());
        ExceptionInfo top = new ExceptionInfo("ValueError", "bad record", Optional.empty(), Optional.empty(),
                List.of(), Optional.of(new ExceptionInfo.Cause(ExceptionInfo.Relation.CAUSE, root)), List.of());
        assertEquals(List.of("ValueError", "KeyError"), top.chain().stream().map(ExceptionInfo::type).toList());
    }

    @Test
    void labelsReadWellInMessages() {
        TargetThread t = new TargetThread("3", OptionalLong.of(4242), "worker", ThreadState.RUNNING,
                Optional.empty(), false, List.of());
        assertEquals("thread 3 \"worker\" (LWP 4242)", t.label());
        assertEquals("main at prog.c:12", StackFrame.of(0, "main", "prog", new SourceLocation("prog.c", 12)).label());
        assertEquals("strlen in libc.so.6", StackFrame.of(0, "strlen", "libc.so.6", null).label());
        assertEquals("??", StackFrame.of(0, null, "", null).function());
    }

    @Test
    void aModuleKnowsItsAddressRange() {
        LoadedModule m = new LoadedModule("libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6", Optional.empty(),
                OptionalLong.of(0x7f0000000000L), OptionalLong.of(0x7f0000100000L), Optional.empty(),
                Optional.empty(), true);
        assertTrue(m.contains(0x7f0000000010L));
        assertFalse(m.contains(0x7f0000100000L));
    }
}
