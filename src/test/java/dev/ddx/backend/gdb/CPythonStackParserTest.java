package dev.ddx.backend.gdb;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.StackFrame;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** py-bt output captured from gdb 13 on a live python3.11 (see captures/python/README.md). */
class CPythonStackParserTest {

    static String capture() throws IOException {
        try (InputStream in = CPythonStackParserTest.class.getResourceAsStream("/captures/python/gdb13-py-bt-rlock-deadlock.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyThreadGetsItsPythonFramesInnermostFirstWithTheSourceLine() throws IOException {
        Map<Long, List<StackFrame>> byLwp = CPythonStackParser.parse(capture());
        assertEquals(3, byLwp.size());
        List<StackFrame> transfer = byLwp.values().stream()
                .filter(fs -> fs.stream().anyMatch(f -> f.function().equals("transfer"))).findFirst().orElseThrow();
        assertEquals("__enter__", transfer.get(0).function(), "the builtin it blocks in comes first");
        StackFrame user = transfer.get(1);
        assertEquals("transfer", user.function());
        assertEquals(12, user.source().orElseThrow().line());
        assertEquals("with audit_lock:", user.sourceText().orElseThrow());
        assertEquals(CodeOwner.USER, user.owner());
        assertEquals(CodeOwner.SYSTEM, transfer.get(2).owner(), "threading.py is the standard library");
        for (int i = 0; i < transfer.size(); i++) assertEquals(i, transfer.get(i).index());
    }

    @Test
    void anUndefinedPyBtMeansNoCPythonSupport() {
        assertTrue(CPythonStackParser.unsupported("Undefined command: \"py-bt\".  Try \"help\"."));
        assertTrue(CPythonStackParser.parse("Undefined command: \"py-bt\".  Try \"help\".").isEmpty());
    }

    @Test
    void splicingKeepsTheWaitThenPythonThenTheOuterNativeFrames() {
        List<StackFrame> nat = List.of(frame("futex_wait", "libc.so.6"), frame("PyThread_acquire_lock_timed", "python3.11"),
                frame("lock_PyThread_acquire_lock", "python3.11"), frame("_PyEval_EvalFrameDefault", "python3.11"),
                frame("PyObject_Call", "python3.11"), frame("_PyEval_EvalFrameDefault", "python3.11"),
                frame("Py_RunMain", "python3.11"));
        List<StackFrame> py = List.of(frame("work", "app"), frame("<module>", "app"));
        List<String> names = CPythonStacks.splice(nat, py).stream().map(StackFrame::function).toList();
        assertEquals(List.of("futex_wait", "PyThread_acquire_lock_timed", "work", "<module>", "Py_RunMain"), names);
    }

    static StackFrame frame(String fn, String module) {
        return StackFrame.of(0, fn, module, null).withOwner(CodeOwner.UNKNOWN);
    }

}
