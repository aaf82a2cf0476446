package dev.ddx.backend.gdb;

import dev.ddx.model.LoadedModule;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Python-level stacks for a live CPython process attached with gdb: when gdb's CPython support
 * (py-bt, shipped by Debian's python3-dbg) is loaded for the interpreter, each thread's
 * interpreter frames ({@code _PyEval_EvalFrameDefault} and what lies between them) are replaced
 * by the Python frames they run, between the native frames inside (the lock or syscall the
 * thread waits in) and outside (the interpreter's start-up). When it is not available the native
 * view stays and a note says how to get the Python one.
 */
final class CPythonStacks {
    private static final Pattern PYTHON_EXE = Pattern.compile(".*/python[0-9.]*(d|m|dm)?$");
    static final String HINT = "on Debian or Ubuntu: apt-get install python3-dbg (gdb then loads the interpreter's"
            + " python3.X-gdb.py), and run the program with that system python3";

    private CPythonStacks() {
    }

    /** The snapshot with Python frames spliced in, or with a note saying why it has none. */
    static Snapshot addTo(GdbSession s, Snapshot snap) {
        if (!isCPython(snap)) return snap;
        String text;
        try {
            MiReply r = s.console("thread apply all py-bt", s.ctx().callTimeout());
            text = r.text() + "\n" + r.error();
        } catch (RuntimeException e) {
            return snap.withInput(snap.input().withNote("a CPython process; reading its Python stacks failed: "
                    + e.getMessage()));
        }
        if (CPythonStackParser.unsupported(text)) {
            return snap.withInput(snap.input().withNote("a CPython process, but gdb has no CPython support (py-bt) "
                    + "for this interpreter: native stacks only; " + HINT));
        }
        Map<Long, List<StackFrame>> py = CPythonStackParser.parse(text);
        if (py.isEmpty()) {
            return snap.withInput(snap.input().withNote("a CPython process, but gdb's py-bt found no Python frames "
                    + "(the interpreter has no debug information loaded): native stacks only; " + HINT));
        }
        List<TargetThread> threads = new ArrayList<>();
        for (TargetThread t : snap.threads()) {
            List<StackFrame> frames = t.nativeId().isPresent() ? py.get(t.nativeId().getAsLong()) : null;
            threads.add(frames == null ? t : t.withFrames(splice(t.frames(), frames)));
        }
        return snap.withThreads(threads).withInput(snap.input().withNote("Python frames from gdb's py-bt replace the "
                + "interpreter's own frames (_PyEval_EvalFrameDefault and the calls between them) in "
                + py.size() + " thread(s)"));
    }

    static boolean isCPython(Snapshot snap) {
        if (PYTHON_EXE.matcher(snap.process().executable()).matches()) return true;
        return snap.modules().stream().map(LoadedModule::name).anyMatch(n -> n.startsWith("libpython3"));
    }

    /**
     * The native frames the thread waits in (up to the first interpreter function), the Python
     * frames, and the native frames outside the outermost eval loop.
     */
    static List<StackFrame> splice(List<StackFrame> nativeFrames, List<StackFrame> python) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < nativeFrames.size(); i++) {
            if (nativeFrames.get(i).function().startsWith("_PyEval_EvalFrame")) {
                if (first < 0) first = i;
                last = i;
            }
        }
        List<StackFrame> out = new ArrayList<>();
        if (first < 0) {
            out.addAll(python);
            out.addAll(nativeFrames);
        } else {
            // keep what the thread waits in (libc, the first interpreter function: the lock or the
            // call it is in), not the interpreter's call machinery above it
            String interpreter = nativeFrames.get(first).module();
            boolean keptEntry = false;
            for (StackFrame f : nativeFrames.subList(0, first)) {
                boolean interp = f.module().equals(interpreter);
                if (!interp || !keptEntry) out.add(f);
                if (interp) keptEntry = true;
            }
            out.addAll(python);
            out.addAll(nativeFrames.subList(last + 1, nativeFrames.size()));
        }
        List<StackFrame> indexed = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) indexed.add(out.get(i).withIndex(i));
        return indexed;
    }

}
