package dev.ddx.backend.text;

import dev.ddx.model.CounterSeries;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.InputInfo;
import dev.ddx.model.LineRange;
import dev.ddx.model.LoadedModule;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the parsers of one dump have read so far, and which lines they understood. Parsers add to
 * it; {@link #toSnapshot} turns it into the evidence model, naming the lines nobody understood.
 * Threads and locks with the same id are merged, so several commands of one cdb session (the
 * thread list, then a stack, then {@code !runaway}) build one thread each.
 */
public final class DumpDraft {
    private final TextLines text;
    private final BitSet understood = new BitSet();
    private final Map<String, TargetThread> threads = new LinkedHashMap<>();
    private final Map<String, LockInfo> locks = new LinkedHashMap<>();
    private final Map<String, LoadedModule> modules = new LinkedHashMap<>();
    private final Map<String, CounterSeries> counters = new LinkedHashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private DumpKind kind;
    private ExceptionInfo exception;
    private TargetProcess.Runtime runtime = TargetProcess.Runtime.UNKNOWN;
    private TargetProcess.ProcessState state = TargetProcess.ProcessState.UNKNOWN;
    private String executable = "";
    private OptionalLong pid = OptionalLong.empty();

    public DumpDraft(TextLines text, DumpKind kind) {
        this.text = text;
        this.kind = kind;
    }

    public TextLines text() {
        return text;
    }

    public DumpKind kind() {
        return kind;
    }

    /** Marks slice indices {@code from..to-1} as understood. */
    public void understood(int from, int to) {
        if (to > from) understood.set(from, to);
    }

    public void understood(int index) {
        understood.set(index);
    }

    /** The file lines of slice indices {@code from..to-1}, for evidence. */
    public LineRange range(int from, int to) {
        return new LineRange(text.file(), text.lineNumber(from), text.lineNumber(Math.max(from, to - 1)));
    }

    /** Adds a thread, or merges it into the one with the same id (frames, names and times fill gaps). */
    public void thread(TargetThread t) {
        threads.merge(t.id(), t, DumpDraft::mergeThreads);
    }

    public Optional<TargetThread> thread(String id) {
        return Optional.ofNullable(threads.get(id));
    }

    public List<TargetThread> threads() {
        return List.copyOf(threads.values());
    }

    /** Replaces a thread already added (same id). */
    public void replaceThread(TargetThread t) {
        threads.put(t.id(), t);
    }

    /** Adds a lock, or merges it into the one with the same id (owner, waiters, attributes). */
    public void lock(LockInfo l) {
        locks.merge(l.id(), l, DumpDraft::mergeLocks);
    }

    public List<LockInfo> locks() {
        return List.copyOf(locks.values());
    }

    public void module(LoadedModule m) {
        modules.merge(m.name().toLowerCase(java.util.Locale.ROOT), m, (a, b) -> b.start().isPresent() ? b : a);
    }

    public List<LoadedModule> modules() {
        return List.copyOf(modules.values());
    }

    /** Adds a series, or joins its samples to the series of the same name and subject. */
    public void counter(CounterSeries c) {
        counters.merge(c.name() + "\u0000" + c.subject(), c, DumpDraft::joinSeries);
    }

    /** The samples of both series in time order; a sample at the same time as an earlier one is dropped. */
    public static CounterSeries joinSeries(CounterSeries a, CounterSeries b) {
        java.util.TreeMap<Long, CounterSeries.Sample> byTime = new java.util.TreeMap<>();
        for (CounterSeries.Sample s : a.samples()) byTime.putIfAbsent(s.atMillis(), s);
        for (CounterSeries.Sample s : b.samples()) byTime.putIfAbsent(s.atMillis(), s);
        return new CounterSeries(a.name(), a.subject(), a.unit(), List.copyOf(byTime.values()));
    }

    public void note(String note) {
        notes.add(note);
    }

    public Optional<ExceptionInfo> exception() {
        return Optional.ofNullable(exception);
    }

    public void exception(ExceptionInfo e) {
        exception = e;
    }

    public void runtime(TargetProcess.Runtime r) {
        runtime = r;
    }

    public void state(TargetProcess.ProcessState s) {
        state = s;
    }

    public TargetProcess.ProcessState state() {
        return state;
    }

    public void executable(String exe) {
        if (exe != null && !exe.isBlank()) executable = exe.strip();
    }

    public String executable() {
        return executable;
    }

    public void pid(long p) {
        pid = OptionalLong.of(p);
    }

    /** The evidence model of what was read; lines nobody understood become unparsed ranges. */
    public Snapshot toSnapshot(String description) {
        TargetProcess process = new TargetProcess(pid, executable.isEmpty() ? description : executable, List.of(),
                runtime, TargetProcess.Capture.TEXT, state, OptionalLong.empty());
        InputInfo input = new InputInfo(kind.label(), description, unparsed(), List.copyOf(notes));
        return new Snapshot(process, threads(), modules(), Optional.ofNullable(exception), locks(),
                List.copyOf(counters.values()), List.of(), input);
    }

    /** Runs of non-blank lines that no parser understood; blank lines neither start nor end one. */
    public List<LineRange> unparsed() {
        List<LineRange> out = new ArrayList<>();
        int start = -1;
        int last = -1;
        for (int i = 0; i < text.size(); i++) {
            boolean blank = text.get(i).isBlank();
            if (understood.get(i) || blank) {
                if (!blank && start >= 0) {
                    out.add(range(start, last + 1));
                    start = -1;
                }
                continue;
            }
            if (start < 0) start = i;
            last = i;
        }
        if (start >= 0) out.add(range(start, last + 1));
        return out;
    }

    private static TargetThread mergeThreads(TargetThread a, TargetThread b) {
        return new TargetThread(a.id(),
                a.nativeId().isPresent() ? a.nativeId() : b.nativeId(),
                a.name().isEmpty() ? b.name() : a.name(),
                b.state() != dev.ddx.model.ThreadState.UNKNOWN ? b.state() : a.state(),
                b.cpuTime().isPresent() ? b.cpuTime() : a.cpuTime(),
                a.daemon() || b.daemon(),
                b.frames().isEmpty() ? a.frames() : b.frames(),
                b.frames().isEmpty() ? a.depth() : b.depth());
    }

    private static LockInfo mergeLocks(LockInfo a, LockInfo b) {
        Set<String> waiters = new LinkedHashSet<>(a.waiters());
        waiters.addAll(b.waiters());
        Map<String, String> attrs = new LinkedHashMap<>(a.attributes());
        attrs.putAll(b.attributes());
        return new LockInfo(a.id(), a.kind(), a.name().isEmpty() ? b.name() : a.name(),
                a.owner().isPresent() ? a.owner() : b.owner(), List.copyOf(waiters),
                a.acquiredAt().isPresent() ? a.acquiredAt() : b.acquiredAt(), attrs);
    }
}
