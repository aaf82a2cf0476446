package dev.ddx.pattern;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.CounterSeries;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Hand-built snapshots in the shape the gdb backend produces (frames innermost first, libc frames
 * owned by the system, the program's frames by the user), for detector tests.
 */
public final class SnapshotFixture {
    private final List<TargetThread> threads = new ArrayList<>();
    private final List<LockInfo> locks = new ArrayList<>();
    private final List<CounterSeries> counters = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();
    private Optional<ExceptionInfo> exception = Optional.empty();
    private TargetProcess.ProcessState state = TargetProcess.ProcessState.HUNG;
    private TargetProcess.Capture capture = TargetProcess.Capture.LAUNCH;
    private String executable = "/tmp/run-1234/app";
    private long pid = 4242;

    public static SnapshotFixture of() {
        return new SnapshotFixture();
    }

    public SnapshotFixture state(TargetProcess.ProcessState s) {
        state = s;
        return this;
    }

    public SnapshotFixture capture(TargetProcess.Capture c) {
        capture = c;
        return this;
    }

    public SnapshotFixture executable(String e) {
        executable = e;
        return this;
    }

    public SnapshotFixture pid(long p) {
        pid = p;
        return this;
    }

    /** A thread; frames given innermost first as "function" (libc) or "function@file:line" (the program's). */
    public SnapshotFixture thread(String id, ThreadState st, String... frames) {
        return thread(id, st, frames.length, frames);
    }

    public SnapshotFixture thread(String id, ThreadState st, int depth, String... frames) {
        List<StackFrame> fs = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) fs.add(frame(i, frames[i], executable));
        threads.add(new TargetThread(id, OptionalLong.of(1000 + Long.parseLong(id)), "", st, Optional.empty(), false, fs, depth));
        return this;
    }

    public SnapshotFixture threadFrames(String id, ThreadState st, int depth, List<StackFrame> fs) {
        threads.add(new TargetThread(id, OptionalLong.of(1000 + Long.parseLong(id)), "", st, Optional.empty(), false, fs, depth));
        return this;
    }

    public SnapshotFixture cpuTime(String id, Duration d) {
        for (int i = 0; i < threads.size(); i++) {
            TargetThread t = threads.get(i);
            if (t.id().equals(id)) {
                threads.set(i, new TargetThread(t.id(), t.nativeId(), t.name(), t.state(), Optional.of(d), false, t.frames(), t.depth()));
            }
        }
        return this;
    }

    public static StackFrame frame(int index, String spec) {
        return frame(index, spec, "/tmp/run-1234/app");
    }

    /** A frame; the program's frames belong to {@code exe} and their files sit beside it. */
    public static StackFrame frame(int index, String spec, String exe) {
        int at = spec.indexOf('@');
        if (at < 0) {
            return new StackFrame(index, spec, "/lib/x86_64-linux-gnu/libc.so.6", Optional.empty(), OptionalLong.of(0x7f00_0000_1000L + index),
                    List.of(), List.of(), Optional.empty(), CodeOwner.SYSTEM);
        }
        String fn = spec.substring(0, at);
        String[] loc = spec.substring(at + 1).split(":");
        String dir = exe.substring(0, exe.lastIndexOf('/') + 1);
        return new StackFrame(index, fn, exe, Optional.of(new SourceLocation(dir + loc[0], Integer.parseInt(loc[1]))),
                OptionalLong.of(0x5555_5555_1000L + index), List.of(), List.of(), Optional.empty(), CodeOwner.USER);
    }

    public static StackFrame withArgs(StackFrame f, Variable... args) {
        return new StackFrame(f.index(), f.function(), f.module(), f.source(), f.pc(), List.of(args), f.locals(), f.sourceText(), f.owner());
    }

    public SnapshotFixture mutex(String id, String name, String owner, String... waiters) {
        locks.add(new LockInfo(id, "pthread_mutex", name, Optional.ofNullable(owner), List.of(waiters), Optional.empty(), Map.of()));
        return this;
    }

    public SnapshotFixture signal(String name, String code, long faultAddress, String threadId) {
        SignalInfo si = new SignalInfo(name, name.equals("SIGSEGV") ? 11 : name.equals("SIGABRT") ? 6 : 8,
                OptionalInt.empty(), code, faultAddress < 0 ? OptionalLong.empty() : OptionalLong.of(faultAddress));
        exception = Optional.of(new ExceptionInfo(name, "", Optional.of(threadId), Optional.of(si), List.of(), Optional.empty(), List.of()));
        state = TargetProcess.ProcessState.CRASHED;
        return this;
    }

    public SnapshotFixture probe(String thread, int frame, String expr, String value, Probe.Status st) {
        probes.add(new Probe(thread, frame, expr, value, st));
        return this;
    }

    /** A cumulative series sampled every {@code stepMs}. */
    public SnapshotFixture series(String name, String subject, String unit, long stepMs, double... values) {
        List<CounterSeries.Sample> s = new ArrayList<>();
        for (int i = 0; i < values.length; i++) s.add(new CounterSeries.Sample(i * stepMs, values[i]));
        counters.add(new CounterSeries(name, subject, unit, s));
        return this;
    }

    public Snapshot build() {
        TargetProcess p = new TargetProcess(OptionalLong.of(pid), executable, List.of(), TargetProcess.Runtime.NATIVE, capture,
                state, OptionalLong.empty());
        return new Snapshot(p, threads, List.of(), exception, locks, counters, probes, InputInfo.of("gdb run", executable));
    }

    /** The pattern ids the standard snapshot detectors find. */
    public static List<String> patterns(Snapshot s) {
        List<String> out = new ArrayList<>();
        for (SnapshotDetector d : SnapshotDetectors.all()) d.detect(s).forEach(f -> out.add(f.patternId()));
        return out;
    }
}
