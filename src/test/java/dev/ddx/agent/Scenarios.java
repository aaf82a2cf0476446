package dev.ddx.agent;

import dev.ddx.catalog.Catalog;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.InputInfo;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Probe;
import dev.ddx.model.SignalInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import dev.ddx.model.Variable;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import dev.ddx.policy.CommandGate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Hand-built snapshots and findings for the agent's unit tests (a crash and a deadlock). */
final class Scenarios {
    private Scenarios() {
    }

    static StackFrame frame(int i, String fn, String module, String file, int line, CodeOwner owner, List<Variable> locals, String src) {
        return new StackFrame(i, fn, module, file == null ? Optional.empty() : Optional.of(new SourceLocation(file, line)),
                OptionalLong.empty(), List.of(), locals, Optional.ofNullable(src), owner);
    }

    static TargetProcess process(String exe, TargetProcess.ProcessState state) {
        return new TargetProcess(OptionalLong.of(4242), exe, List.of(), TargetProcess.Runtime.NATIVE, TargetProcess.Capture.CORE,
                state, OptionalLong.empty());
    }

    /** SIGSEGV in parse_header: a.b2->data where a.b2 is NULL. */
    static Snapshot crash() {
        TargetThread t1 = new TargetThread("1", OptionalLong.of(4242), "server", ThreadState.STOPPED, Optional.empty(), false, List.of(
                frame(0, "parse_header", "server", "parser.c", 42, CodeOwner.USER,
                        List.of(new Variable("a", "struct msg *", "0x5555555592a0"), new Variable("token", "char *", "0x7ffd0 \"API_KEY=sk-live-abcdefghijklmnop1234\"")),
                        "return a->b2->data[0];"),
                frame(1, "handle", "server", "server.c", 88, CodeOwner.USER, List.of(), null),
                frame(2, "main", "server", "server.c", 120, CodeOwner.USER, List.of(), null)));
        TargetThread t2 = new TargetThread("2", OptionalLong.of(4243), "idle", ThreadState.WAITING, Optional.empty(), false, List.of(
                frame(0, "futex_wait", "libc.so.6", null, 0, CodeOwner.SYSTEM, List.of(), null),
                frame(1, "pthread_cond_wait", "libc.so.6", null, 0, CodeOwner.SYSTEM, List.of(), null),
                frame(2, "idle_loop", "server", "server.c", 30, CodeOwner.USER, List.of(), null)));
        ExceptionInfo e = new ExceptionInfo("SIGSEGV", "Segmentation fault", Optional.of("1"),
                Optional.of(new SignalInfo("SIGSEGV", 11, OptionalInt.of(1), "SEGV_MAPERR", OptionalLong.of(0x8))),
                List.of(), Optional.empty(), List.of());
        List<Probe> probes = List.of(new Probe("1", 0, "a", "(struct msg *) 0x5555555592a0", Probe.Status.OK),
                new Probe("1", 0, "a->b2", "0x0", Probe.Status.NULL));
        return new Snapshot(process("./server", TargetProcess.ProcessState.CRASHED), List.of(t1, t2), List.of(), Optional.of(e),
                List.of(), List.of(), probes, InputInfo.of("gdb core", "core.4242"));
    }

    static Finding crashFinding() {
        return new Finding("crash", "SIGSEGV in parse_header at parser.c:42", 1.0, List.of(
                Evidence.onFrame("SIGSEGV (SEGV_MAPERR) at address 0x8 in parse_header", "gdb: info signal", "1", 0),
                Evidence.onFrame("a->b2 is NULL where parser.c:42 reads a->b2->data", "gdb: print a->b2", "1", 0)));
    }

    /** Two threads in a lock-order deadlock plus {@code idle} identical idle workers. */
    static Snapshot deadlock(int idle) {
        List<TargetThread> ts = new ArrayList<>();
        ts.add(new TargetThread("1", OptionalLong.of(100), "main", ThreadState.WAITING, Optional.empty(), false, List.of(
                frame(0, "__futex_abstimed_wait_common", "libc.so.6", null, 0, CodeOwner.SYSTEM, List.of(), null),
                frame(1, "pthread_join", "libc.so.6", null, 0, CodeOwner.SYSTEM, List.of(), null),
                frame(2, "main", "dl", "dl.c", 40, CodeOwner.USER, List.of(), null))));
        ts.add(new TargetThread("2", OptionalLong.of(101), "", ThreadState.BLOCKED, Optional.empty(), false, List.of(
                frame(0, "__lll_lock_wait", "libc.so.6", null, 0, CodeOwner.SYSTEM, List.of(), null),
                frame(1, "pthread_mutex_lock", "libc.so.6", null, 0, CodeOwner.SYSTEM, List.of(), null),
                frame(2, "transfer_ab", "dl", "dl.c", 14, CodeOwner.USER, List.of(), "pthread_mutex_lock(&lock_b);"))));
        ts.add(new TargetThread("3", OptionalLong.of(102), "", ThreadState.BLOCKED, Optional.empty(), false, List.of(
                frame(0, "__lll_lock_wait", "libc.so.6", null, 0, CodeOwner.SYSTEM, List.of(), null),
                frame(1, "pthread_mutex_lock", "libc.so.6", null, 0, CodeOwner.SYSTEM, List.of(), null),
                frame(2, "transfer_ba", "dl", "dl.c", 24, CodeOwner.USER, List.of(), "pthread_mutex_lock(&lock_a);"))));
        for (int i = 0; i < idle; i++) {
            ts.add(new TargetThread(String.valueOf(4 + i), OptionalLong.of(103 + i), "", ThreadState.WAITING, Optional.empty(), false, List.of(
                    frame(0, "__futex_abstimed_wait_common", "libc.so.6", null, 0, CodeOwner.SYSTEM, List.of(), null),
                    frame(1, "pthread_cond_wait", "libc.so.6", null, 0, CodeOwner.SYSTEM, List.of(), null),
                    frame(2, "idle_worker", "dl", "dl.c", 50, CodeOwner.USER, List.of(), null))));
        }
        List<LockInfo> locks = List.of(
                new LockInfo("0x4040a0", "pthread_mutex", "lock_a", Optional.of("2"), List.of("3"), Optional.empty(), Map.of()),
                new LockInfo("0x4040e0", "pthread_mutex", "lock_b", Optional.of("3"), List.of("2"), Optional.empty(), Map.of()));
        return new Snapshot(process("./dl", TargetProcess.ProcessState.HUNG), ts, List.of(), Optional.empty(), locks, List.of(),
                List.of(), InputInfo.of("gdb attach", "pid 4242"));
    }

    static Finding deadlockFinding() {
        return new Finding("deadlock", "Deadlock between threads 2 and 3", 1.0, List.of(
                Evidence.onThread("thread 2 holds lock_a (0x4040a0) and waits for lock_b (0x4040e0)", "gdb: thread apply all bt", "2"),
                Evidence.onThread("thread 3 holds lock_b (0x4040e0) and waits for lock_a (0x4040a0)", "gdb: thread apply all bt", "3")));
    }

    static Incident incident(Snapshot s, List<Finding> findings, FixedBackend[] out, CommandGate gate) {
        FixedBackend b = new FixedBackend("gdb", s, gate, Map.of("info registers", "rip 0x401136 <parse_header+22>"));
        if (out != null) out[0] = b;
        return new Incident(List.of(b), Optional.empty(), Catalog.load(), snap -> findings, Optional.empty());
    }
}
