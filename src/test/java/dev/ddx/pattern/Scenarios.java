package dev.ddx.pattern;

import dev.ddx.model.Probe;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.ThreadState;
import dev.ddx.model.Variable;

import java.util.ArrayList;
import java.util.List;

/** The hand-built snapshots of the native scenarios, shared by detector, analyzer and report tests. */
public final class Scenarios {
    private Scenarios() {
    }

    public static Snapshot deadlock() {
        return SnapshotFixture.of()
                .thread("1", ThreadState.WAITING, "__futex_abstimed_wait_common", "__pthread_clockjoin_ex", "main@deadlock.c:40")
                .thread("2", ThreadState.BLOCKED, "futex_wait", "__lll_lock_wait", "___pthread_mutex_lock",
                        "transfer_funds@deadlock.c:18", "start_thread", "clone3")
                .thread("3", ThreadState.BLOCKED, "futex_wait", "__lll_lock_wait", "___pthread_mutex_lock",
                        "audit_ledger@deadlock.c:28", "start_thread", "clone3")
                .mutex("0x555555558040", "accounts", "2", "3")
                .mutex("0x555555558080", "ledger", "3", "2")
                .build();
    }

    public static Snapshot waitChain() {
        return SnapshotFixture.of()
                .thread("1", ThreadState.WAITING, "__futex_abstimed_wait_common", "__pthread_clockjoin_ex", "main@wait_chain.c:50")
                .thread("2", ThreadState.IO_WAIT, "__GI___libc_read", "read_config@wait_chain.c:15", "holder@wait_chain.c:22",
                        "start_thread", "clone3")
                .thread("3", ThreadState.BLOCKED, "futex_wait", "__lll_lock_wait", "___pthread_mutex_lock",
                        "middle@wait_chain.c:30", "start_thread", "clone3")
                .thread("4", ThreadState.BLOCKED, "futex_wait", "__lll_lock_wait", "___pthread_mutex_lock",
                        "waiter@wait_chain.c:38", "start_thread", "clone3")
                .mutex("0x555555558040", "config_lock", "2", "3")
                .mutex("0x555555558080", "cache_lock", "3", "4")
                .build();
    }

    public static Snapshot nullDeref(String dir, long pid, long addressBase) {
        return SnapshotFixture.of().pid(pid).executable(dir + "/null_deref")
                .thread("1", ThreadState.STOPPED, "deref_chain@null_deref.c:14", "process@null_deref.c:20", "main@null_deref.c:27")
                .signal("SIGSEGV", "SEGV_MAPERR", 0, "1")
                .probe("1", 0, "a.b2", "0x" + Long.toHexString(addressBase), Probe.Status.OK)
                .probe("1", 0, "a.b2->data", "0x0", Probe.Status.NULL)
                .probe("1", 0, "*a.b2->data", "Cannot access memory at address 0x0", Probe.Status.UNREADABLE)
                .probe("1", 0, "****a.b2->data", "Cannot access memory at address 0x0", Probe.Status.UNREADABLE)
                .build();
    }

    public static Snapshot nullIntoLibc() {
        return SnapshotFixture.of()
                .thread("1", ThreadState.STOPPED, "__strlen_avx2", "greet@null_libc.c:9", "main@null_libc.c:15")
                .signal("SIGSEGV", "SEGV_MAPERR", 0, "1")
                .build();
    }

    public static Snapshot failedAssert() {
        Snapshot s = SnapshotFixture.of()
                .thread("1", ThreadState.STOPPED, "__pthread_kill_implementation", "__pthread_kill_internal", "__GI_raise",
                        "__GI_abort", "__assert_fail_base", "__assert_fail", "check_balance@assert_fail.c:8", "main@assert_fail.c:14")
                .signal("SIGABRT", "SI_TKILL", -1, "1")
                .build();
        var t = s.threads().get(0);
        var frames = new ArrayList<>(t.frames());
        frames.set(5, SnapshotFixture.withArgs(frames.get(5), new Variable("assertion", "", "0x555555556004 \"balance >= 0\""),
                new Variable("file", "", "0x555555556000 \"assert_fail.c\""), new Variable("line", "", "8")));
        return s.withThreads(List.of(t.withFrames(frames)));
    }

    public static Snapshot doubleFree() {
        Snapshot s = SnapshotFixture.of()
                .thread("1", ThreadState.STOPPED, "__pthread_kill_implementation", "__GI_raise", "__GI_abort", "__libc_message",
                        "malloc_printerr", "_int_free", "__GI___libc_free", "release@double_free.c:9", "main@double_free.c:16")
                .signal("SIGABRT", "SI_TKILL", -1, "1")
                .build();
        var t = s.threads().get(0);
        var frames = new ArrayList<>(t.frames());
        frames.set(4, SnapshotFixture.withArgs(frames.get(4),
                new Variable("str", "", "0x7ffff7f5d0a8 \"free(): double free detected in tcache 2\"")));
        return s.withThreads(List.of(t.withFrames(frames)));
    }

    public static Snapshot stackOverflow() {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 200; i++) frames.add("recurse@overflow.c:" + (i == 0 ? 6 : 7));
        return SnapshotFixture.of()
                .thread("1", ThreadState.STOPPED, 174_611, frames.toArray(String[]::new))
                .signal("SIGSEGV", "SEGV_MAPERR", 0x7ffffeff8ff8L, "1")
                .build();
    }

    /** One thread spins, three sleep; attached live and observed for 2 s. */
    public static Snapshot spinningAmongSleepers() {
        return SnapshotFixture.of().state(TargetProcess.ProcessState.RUNNING).capture(TargetProcess.Capture.ATTACH)
                .thread("1", ThreadState.SLEEPING, "clock_nanosleep", "__nanosleep", "main@spin.c:30")
                .thread("2", ThreadState.RUNNING, "crunch@spin.c:10", "worker@spin.c:16", "start_thread", "clone3")
                .thread("3", ThreadState.SLEEPING, "clock_nanosleep", "__nanosleep", "usleep", "sleeper@spin.c:22", "start_thread", "clone3")
                .thread("4", ThreadState.SLEEPING, "clock_nanosleep", "__nanosleep", "usleep", "sleeper@spin.c:22", "start_thread", "clone3")
                .series("cpu", "1001", "ms", 500, 10, 10, 10, 10, 10)
                .series("cpu", "1002", "ms", 500, 100, 520, 930, 1350, 1790)
                .series("cpu", "1003", "ms", 500, 1, 1, 1, 2, 2)
                .series("cpu", "1004", "ms", 500, 1, 1, 2, 2, 2)
                .build();
    }

    public static Snapshot livelock() {
        return SnapshotFixture.of().state(TargetProcess.ProcessState.RUNNING).capture(TargetProcess.Capture.ATTACH)
                .thread("1", ThreadState.WAITING, "__futex_abstimed_wait_common", "__pthread_clockjoin_ex", "main@livelock.c:50")
                .thread("2", ThreadState.RUNNING, "__GI___pthread_mutex_trylock", "polite_a@livelock.c:20", "start_thread", "clone3")
                .thread("3", ThreadState.RUNNING, "__sched_yield", "polite_b@livelock.c:34", "start_thread", "clone3")
                .series("cpu", "1001", "ms", 500, 5, 5, 5, 5, 5)
                .series("cpu", "1002", "ms", 500, 100, 300, 500, 700, 900)
                .series("cpu", "1003", "ms", 500, 100, 310, 490, 720, 910)
                .build();
    }

    public static Snapshot leaks() {
        return SnapshotFixture.of().state(TargetProcess.ProcessState.RUNNING).capture(TargetProcess.Capture.ATTACH)
                .thread("1", ThreadState.SLEEPING, "clock_nanosleep", "__nanosleep", "usleep", "main@leak.c:20")
                .series("rss", "process", "bytes", 500, 2e6, 4e6, 6e6, 8e6, 10e6)
                .series("fds", "process", "count", 500, 4, 14, 24, 34, 44)
                .series("threads", "process", "count", 500, 1, 1, 1, 1, 1)
                .build();
    }
}
