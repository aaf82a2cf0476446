package dev.ddx.backend.text;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonTextParserTest {

    @Test
    void raiseFromIsADirectCause() {
        Snapshot s = Fixtures.snapshot(Fixtures.ownLines("python-cause.txt"));
        ExceptionInfo e = s.exception().orElseThrow();
        assertEquals("RuntimeError", e.type());
        assertEquals("config /nonexistent/app.toml is missing", e.message());
        assertEquals(ExceptionInfo.Relation.CAUSE, e.cause().orElseThrow().relation());
        assertEquals("FileNotFoundError", e.cause().get().exception().type());
        assertEquals("load_config", e.frames().get(0).function());
        assertEquals(Optional.of("raise RuntimeError(f\"config {path} is missing\") from e"), e.frames().get(0).sourceText());
        assertTrue(s.input().unparsed().isEmpty(), s.input().unparsed().toString());
    }

    @Test
    void anExceptionWhileHandlingAnotherIsItsContext() {
        ExceptionInfo e = Fixtures.snapshot(Fixtures.ownLines("python-context.txt")).exception().orElseThrow();
        assertEquals("KeyError", e.type());
        assertEquals(ExceptionInfo.Relation.CONTEXT, e.cause().orElseThrow().relation());
        assertEquals("ValueError", e.cause().get().exception().type());
    }

    @Test
    void aDistributionBugReportTracebackIsRead() {
        Snapshot s = Fixtures.snapshot(Fixtures.sharedLines("native-text/python_stacktraces_python-01"));
        ExceptionInfo e = s.exception().orElseThrow();
        assertEquals("AttributeError", e.type());
        assertEquals(11, e.frames().size());
        assertEquals(CodeOwner.LIBRARY, e.frames().get(3).owner()); // site-packages/urlgrabber
    }

    @Test
    void faulthandlerDumpsEveryThreadAndAFatalErrorNamesTheSignal() {
        Snapshot all = Fixtures.snapshot(Fixtures.ownLines("python-threads.txt"));
        assertEquals(3, all.threads().size());
        assertTrue(all.exception().isEmpty());
        assertEquals(ThreadState.WAITING, all.threads().get(1).state());
        Snapshot fatal = Fixtures.snapshot(Fixtures.ownLines("python-fatal.txt"));
        ExceptionInfo e = fatal.exception().orElseThrow();
        assertEquals("SIGSEGV", e.type());
        assertEquals("string_at", e.frames().get(0).function());
        assertEquals(Optional.of("0x00007f5a1ddc5b80"), e.threadId());
    }

    @Test
    void pySpyDumpKeepsNativeFramesLocalsAndThreadActivity() {
        Snapshot s = Fixtures.snapshot(Fixtures.ownLines("py-spy-native-locals.txt"));
        assertEquals(31337, s.process().pid().getAsLong());
        var main = s.thread("31337").orElseThrow();
        assertEquals("port", main.frames().get(2).locals().get(0).name());
        var busy = s.thread("31340").orElseThrow();
        assertEquals(ThreadState.RUNNING, busy.state());
        assertEquals("libpython3.11.so.1.0", busy.frames().get(0).module());
        assertEquals(ThreadState.BLOCKED, s.thread("31341").orElseThrow().state());
    }
}
