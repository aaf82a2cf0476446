package dev.ddx.backend.gdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.pdb.PythonScenarios;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ddx summarize --pid} on a live CPython process: Python frames beside the native ones when
 * gdb's CPython support is installed for that interpreter, and a clear note (with the native view)
 * when it is not.
 */
class CPythonStacksLiveTest {
    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3.11");
    private static final Path GDB_SUPPORT = Path.of("/usr/share/gdb/auto-load/usr/bin/python3.11-gdb.py");

    static Process start(String python) throws Exception {
        assumeGdb();
        Process p = new ProcessBuilder(python, PythonScenarios.script("rlock_deadlock.py").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(1500); // let both threads take their first lock
        Assumptions.assumeTrue(p.isAlive(), python + " ended early");
        return p;
    }

    static void assumeGdb() throws Exception {
        Process g = new ProcessBuilder("gdb", "--version").redirectErrorStream(true).start();
        Assumptions.assumeTrue(g.waitFor(30, TimeUnit.SECONDS) && g.exitValue() == 0, "gdb is not installed");
    }

    static Snapshot attach(Process p) {
        try (DebuggerBackend b = GdbBackend.open(new TargetSpec.Pid(p.pid(), Duration.ZERO), BackendContext.headless())) {
            return b.snapshot();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void withGdbsCPythonSupportThreadsShowTheirPythonFrames() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SYSTEM_PYTHON) && Files.exists(GDB_SUPPORT),
                "gdb's CPython support is not installed (apt-get install python3-dbg)");
        Snapshot s = attach(start(SYSTEM_PYTHON.toString()));
        TargetThread transfer = s.threads().stream()
                .filter(t -> t.frames().stream().anyMatch(f -> f.function().equals("transfer")))
                .findFirst().orElseThrow(() -> new AssertionError("no Python frame transfer in " + s.threads()));
        StackFrame f = transfer.frames().stream().filter(x -> x.function().equals("transfer")).findFirst().orElseThrow();
        assertTrue(f.source().orElseThrow().toString().endsWith("rlock_deadlock.py:12"), f.toString());
        assertTrue(f.sourceText().orElseThrow().contains("with audit_lock:"));
        assertTrue(f.owner() == CodeOwner.USER);
        assertTrue(transfer.frames().get(0).module().startsWith("libc"), "the native frames it waits in stay on top");
        assertTrue(transfer.frames().stream().noneMatch(x -> x.function().startsWith("_PyEval_EvalFrame")));
        assertTrue(s.input().notes().stream().anyMatch(n -> n.contains("py-bt")), s.input().notes().toString());
    }

    @Test
    void withoutItTheNativeViewStaysAndANoteSaysHowToGetPythonFrames() throws Exception {
        String python = pyenvOrOther();
        Snapshot s = attach(start(python));
        List<String> notes = s.input().notes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("native stacks only") && n.contains("apt-get install python3-dbg")),
                notes.toString());
        assertFalse(s.threads().isEmpty());
        assertTrue(s.threads().stream().allMatch(t -> !t.frames().isEmpty()), "the native stacks are all there");
    }

    /** An interpreter gdb has no CPython support for: one outside /usr/bin (pyenv, a venv's copy). */
    static String pyenvOrOther() throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import sys, os; print(os.path.realpath(sys.executable))")
                .redirectErrorStream(true).start();
        String exe = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        Assumptions.assumeFalse(exe.startsWith("/usr/bin/") && Files.exists(GDB_SUPPORT),
                "python3 here is the system one with gdb support; no interpreter without it to try");
        return exe;
    }
}
