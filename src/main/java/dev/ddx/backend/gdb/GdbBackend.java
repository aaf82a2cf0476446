package dev.ddx.backend.gdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.Transport;
import dev.ddx.error.DdxException;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;

import java.util.List;
import java.util.function.Supplier;

/**
 * The gdb backend: one long-lived gdb per session, spoken to over GDB/MI, with the helper
 * {@code tools/gdb/ddx_gdb.py} loaded into it.
 *
 * <p>Why MI and Python together: MI gives every command a token, so each reply is matched to its
 * command and a late reply is never taken for the next one; the Python helper walks all threads,
 * frames, arguments, locals, pthread mutexes, modules and the signal inside gdb and answers with
 * ONE JSON document, so a 64-thread core costs one round-trip instead of hundreds of MI commands,
 * and nothing has to be scraped from console text.
 *
 * <p>Targets:
 * <ul>
 * <li>{@link TargetSpec.Core}: the core is checked first (ELF, a core, not truncated), then loaded
 *     with the executable; a core that gdb says may not match the executable is refused.
 *     State CRASHED when the core holds a fatal signal, else RUNNING (a core of a live process).</li>
 * <li>{@link TargetSpec.Pid}: sampled from /proc first when {@code observe} is set, then attached
 *     and snapshotted; the process stays stopped while the session lasts and is detached (and
 *     keeps running) on {@link #close()}. State RUNNING.</li>
 * <li>{@link TargetSpec.Run}: launched under gdb (stdin /dev/null, output to a temporary file);
 *     at a fatal signal the state is CRASHED; still running after {@code hangAfter} it is stopped
 *     with SIGINT and the state is HUNG; a program that ends by itself gives a snapshot with state
 *     EXITED, its exit code in {@link TargetProcess#exitCode()}, no threads, and the note
 *     "the program exited normally with status N; nothing to analyse". The program is killed on
 *     {@link #close()}.</li>
 * </ul>
 *
 * <p>Locks are read from the mutexes themselves: for every thread waiting in
 * {@code pthread_mutex_lock}, the mutex address is the lock call's argument (or, without libc
 * debug information, the futex address still in {@code rdi}), and the owner is
 * {@code __data.__owner} of that mutex: an LWP mapped to its gdb thread id.
 *
 * <p>For a SIGSEGV or SIGBUS, every dereference prefix of the crashing source line (or, for a crash
 * inside a library, of the first line of the program's own code) is evaluated in that frame and
 * kept as {@link dev.ddx.model.Probe}s, in order.
 *
 * <p>Internal commands bypass the command gate; {@link #execute} passes it first. Every call has
 * the context's timeout (see {@link GdbMiTransport} for interrupt-then-kill).
 */
public final class GdbBackend implements DebuggerBackend {
    private static final List<String> COMMANDS = List.of("backtrace", "bt", "frame", "info threads", "info locals",
            "info args", "info registers", "info sharedlibrary", "info signals", "info frame", "info symbol", "list",
            "print", "ptype", "whatis", "x", "thread", "thread apply all bt", "up", "down", "disassemble");

    private final GdbSession session;
    private final Snapshot snapshot;
    private final String description;
    private final Runnable release;
    private boolean closed;

    GdbBackend(GdbSession session, Snapshot snapshot, String description, Runnable release) {
        this.session = session;
        this.snapshot = snapshot;
        this.description = description;
        this.release = release;
    }

    /** gdb on a core file and its executable. */
    public static DebuggerBackend open(TargetSpec.Core spec, BackendContext ctx) {
        return GdbTargets.core(spec, ctx, started(GdbMiTransport::start), true);
    }

    /** gdb attached to a live process (observed first when {@code spec.observe()} is set). */
    public static DebuggerBackend open(TargetSpec.Pid spec, BackendContext ctx) {
        return GdbTargets.pid(spec, ctx, started(GdbMiTransport::start), true);
    }

    /** A program launched under gdb. */
    public static DebuggerBackend open(TargetSpec.Run spec, BackendContext ctx) {
        return GdbTargets.run(spec, ctx, started(GdbMiTransport::start), true);
    }

    /**
     * The backend over a given transport (a recorded one in replay): opens the target through it.
     * Nothing is checked or sampled on this machine (no ELF header check, no /proc): only the
     * debugger's replies count, so an --observe series is not reproduced.
     */
    public static DebuggerBackend over(Transport transport, TargetSpec spec, BackendContext ctx) {
        Supplier<Transport> given = () -> transport;
        if (spec instanceof TargetSpec.Core c) return GdbTargets.core(c, ctx, given, false);
        if (spec instanceof TargetSpec.Pid p) return GdbTargets.pid(p, ctx, given, false);
        if (spec instanceof TargetSpec.Run r) return GdbTargets.run(r, ctx, given, false);
        throw new IllegalArgumentException("not a gdb target: " + spec);
    }

    private static Supplier<Transport> started(Supplier<GdbMiTransport> start) {
        return start::get;
    }

    /** The transport to gdb (tests kill gdb through it). */
    Transport transport() {
        return session.transport();
    }

    @Override
    public String debugger() {
        return "gdb";
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public String execute(String command) {
        session.admit(command);
        MiReply r = session.console(command);
        return r.isError() ? (r.text() + r.error()).strip() : r.text().stripTrailing();
    }

    @Override
    public List<String> commandNames() {
        return COMMANDS;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            if (session.transport().alive()) release.run();
        } catch (DdxException e) {
            // the target is released as far as gdb could; closing goes on
        } finally {
            session.transport().close();
        }
    }

}
