package dev.ddx.backend.text.jvm;

import dev.ddx.backend.text.DumpDraft;
import dev.ddx.backend.text.TextLines;
import dev.ddx.model.CounterSeries;
import dev.ddx.model.LockInfo;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HotSpot thread dump (jstack, {@code kill -3}, {@code jcmd Thread.print}; JDK 8 to 25): threads
 * with their states, frames, CPU and elapsed times, the monitors each holds and waits for, the
 * j.u.c. locks parked on and their owners from "Locked ownable synchronizers", and the JVM's own
 * "Found one Java-level deadlock" section. Thread ids are the {@code #N} numbers (the name when
 * a thread has none).
 */
public final class JstackParser {
    private static final Pattern HEADER = Pattern.compile("^\"(.*)\"(\\s.*)?$");
    private static final Pattern NUMBER = Pattern.compile("\\s#(\\d+)\\s");
    private static final Pattern NID = Pattern.compile("\\snid=(0x[0-9a-fA-F]+|\\d+)");
    private static final Pattern CPU = Pattern.compile("\\scpu=([\\d.]+)ms");
    private static final Pattern ELAPSED = Pattern.compile("\\selapsed=([\\d.]+)s");
    private static final Pattern DAEMON = Pattern.compile("\\sdaemon\\s");
    private static final Pattern TRAILER = Pattern.compile("nid=\\S+\\s+(.*?)\\s*(?:\\[0x[0-9a-f]+\\])?\\s*$");
    private static final Pattern STATE = Pattern.compile("^\\s*java\\.lang\\.Thread\\.State: (\\w+)(?: \\((.*)\\))?\\s*$");
    private static final Pattern MONITOR = Pattern.compile(
            "^\\s*- (locked|waiting to lock|waiting to re-lock in wait\\(\\)|waiting on|parking to wait for|eliminated)"
                    + "\\s+<(0x[0-9a-fA-F]+|[^>]*)>(?:\\s*\\(a ([^)]*)\\))?.*$");
    private static final Pattern OWNABLE_HEAD = Pattern.compile("^\\s*Locked ownable synchronizers:\\s*$");
    private static final Pattern OWNABLE = Pattern.compile("^\\s*- <(0x[0-9a-fA-F]+)> \\(a ([^)]*)\\)\\s*$");
    private static final Pattern COMPILER = Pattern.compile("^\\s+(No compile task|Compiling: .*)$");
    private static final Pattern NONE = Pattern.compile("^\\s*- None\\s*$");
    private static final Pattern NOISE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d.*|Full thread dump .*"
            + "|JNI global refs.*|Found \\d+ deadlocks?\\.|\\s*Carrying virtual thread #\\d+\\s*|Attaching to .*"
            + "|\\s*- waiting on <no object reference available>|\\d+:\\s*)$");
    private static final Pattern SMR = Pattern.compile("^(Threads class SMR info:|_java_thread_list=.*|\\s*0x[0-9a-f, x]+|\\}\\s*)$");
    private static final Pattern HEAP = Pattern.compile("^Heap\\s*$");
    private static final Pattern FULL_DUMP = Pattern.compile("^Full thread dump (.*?):?\\s*$");

    private final DumpDraft draft;
    private final TextLines text;
    private final Map<String, String> idByName = new LinkedHashMap<>();
    private final Map<String, String[]> parked = new LinkedHashMap<>();
    private final Map<String, String> ownableOwner = new LinkedHashMap<>();
    private final Map<String, Double> elapsed = new LinkedHashMap<>();

    private JstackParser(DumpDraft draft) {
        this.draft = draft;
        this.text = draft.text();
    }

    public static void parse(DumpDraft draft) {
        new JstackParser(draft).run();
    }

    private void run() {
        draft.runtime(TargetProcess.Runtime.JVM);
        int i = 0;
        while (i < text.size()) {
            i = next(i);
        }
        parkedLocks();
        JvmDeadlockSectionParser.parse(draft, idByName);
        cpuSeries();
    }

    private int next(int i) {
        String s = text.get(i);
        Matcher m;
        if ((m = FULL_DUMP.matcher(s)).matches()) {
            draft.note("JVM: " + m.group(1));
            draft.understood(i);
            return i + 1;
        }
        if (NOISE.matcher(s).matches() || SMR.matcher(s).matches()) {
            draft.understood(i);
            return i + 1;
        }
        if (s.startsWith("Found one Java-level deadlock")) return JvmDeadlockSectionParser.skip(draft, i);
        if (HEAP.matcher(s).matches()) return heap(i);
        if ((m = HEADER.matcher(s)).matches() && m.group(2) != null && !m.group(2).isBlank()) return thread(i, m);
        return i + 1;
    }

    private int heap(int i) {
        int j = i + 1;
        while (j < text.size() && (text.get(j).startsWith(" ") || text.get(j).isBlank())) j++;
        draft.understood(i, j);
        draft.note("the dump has a heap summary (not analysed)");
        return j;
    }

    /** One thread: header, state line, frames with their monitor lines, ownable synchronizers. */
    private int thread(int i, Matcher header) {
        String name = header.group(1);
        String rest = " " + header.group(2) + " ";
        Matcher n = NUMBER.matcher(rest);
        String id = n.find() ? n.group(1) : name;
        if (draft.thread(id).isPresent()) id = id + "@" + text.lineNumber(i);
        idByName.putIfAbsent(name, id);
        ThreadState state = trailerState(rest);
        List<StackFrame> frames = new ArrayList<>();
        List<String> waitingOn = new ArrayList<>();
        draft.understood(i);
        int j = i + 1;
        for (; j < text.size(); j++) {
            String s = text.get(j);
            Matcher m;
            if ((m = STATE.matcher(s)).matches()) {
                state = state(m.group(1), m.group(2));
            } else if (JavaFrameParser.isAtLine(s)) {
                Optional<StackFrame> f = JavaFrameParser.parse(frames.size(), s);
                if (f.isEmpty()) break;
                frames.add(f.get());
            } else if ((m = MONITOR.matcher(s)).matches()) {
                monitor(id, m, frames, waitingOn);
            } else if (OWNABLE_HEAD.matcher(s).matches() || NONE.matcher(s).matches() || COMPILER.matcher(s).matches()) {
                // the list follows; "- None" says there is nothing in it
            } else if ((m = OWNABLE.matcher(s)).matches()) {
                ownableOwner.put(JavaLocks.id(m.group(1)), id);
                draft.lock(JavaLocks.held(JavaLocks.id(m.group(1)), "juc_lock", m.group(2), id, Optional.empty()));
            } else if (!s.isBlank() || !continues(j)) {
                break;
            }
            draft.understood(j);
        }
        times(id, rest);
        if (state == ThreadState.RUNNING && !frames.isEmpty() && JavaLocks.inIo(frames.get(0))) state = ThreadState.IO_WAIT;
        Matcher nid = NID.matcher(rest);
        Matcher cpu = CPU.matcher(rest);
        draft.thread(new TargetThread(id, nid.find() ? OptionalLong.of(nid(nid.group(1))) : OptionalLong.empty(), name,
                state, cpu.find() ? Optional.of(Duration.ofNanos(Math.round(Double.parseDouble(cpu.group(1)) * 1e6)))
                : Optional.empty(), DAEMON.matcher(rest).find(), frames));
        return j;
    }

    /** A blank line inside a thread's block is followed by its ownable synchronizers. */
    private boolean continues(int j) {
        return j + 1 < text.size() && OWNABLE_HEAD.matcher(text.get(j + 1)).matches();
    }

    /** A monitor line; a monitor the thread waits on in Object.wait() was released, so it is not held. */
    private void monitor(String thread, Matcher m, List<StackFrame> frames, List<String> waitingOn) {
        String verb = m.group(1);
        if (!m.group(2).startsWith("0x")) return; // <no object reference available>
        String lock = JavaLocks.id(m.group(2));
        String cls = m.group(3) == null ? "" : m.group(3);
        Optional<String> where = frames.isEmpty() ? Optional.empty() : Optional.of(frames.get(frames.size() - 1).label());
        switch (verb) {
            case "locked" -> {
                if (!waitingOn.contains(lock)) draft.lock(JavaLocks.held(lock, "java_monitor", cls, thread, where));
            }
            case "waiting on" -> waitingOn.add(lock);
            case "waiting to lock", "waiting to re-lock in wait()" -> draft.lock(JavaLocks.waited(lock, "java_monitor", cls, thread));
            case "parking to wait for" -> parked.put(thread, new String[] {lock, cls});
            default -> { }
        }
    }

    /** A thread parked on a j.u.c. lock waits for it when the lock has an owner or is a lock's Sync. */
    private void parkedLocks() {
        for (Map.Entry<String, String[]> p : parked.entrySet()) {
            String lock = p.getValue()[0];
            String cls = p.getValue()[1];
            if (!ownableOwner.containsKey(lock) && !JavaLocks.lockSync(cls)) continue;
            draft.lock(JavaLocks.waited(lock, "juc_lock", cls, p.getKey()));
            draft.thread(p.getKey()).ifPresent(t -> draft.replaceThread(t.withState(ThreadState.BLOCKED)));
        }
    }

    private void times(String id, String rest) {
        Matcher e = ELAPSED.matcher(rest);
        if (e.find()) elapsed.put(id, Double.parseDouble(e.group(1)));
    }

    /** Per thread, CPU milliseconds against its elapsed milliseconds, from the thread's start. */
    private void cpuSeries() {
        for (TargetThread t : draft.threads()) {
            Double el = elapsed.get(t.id());
            if (el == null || t.cpuTime().isEmpty()) continue;
            double cpuMs = t.cpuTime().get().toNanos() / 1e6;
            draft.counter(new CounterSeries("cpu", t.id(), "ms", List.of(new CounterSeries.Sample(0, 0),
                    new CounterSeries.Sample(Math.round(el * 1000), cpuMs))));
        }
    }

    private static long nid(String s) {
        return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
    }

    static ThreadState state(String state, String detail) {
        String d = detail == null ? "" : detail;
        return switch (state) {
            case "RUNNABLE" -> ThreadState.RUNNING;
            case "BLOCKED" -> ThreadState.BLOCKED;
            case "WAITING" -> ThreadState.WAITING;
            case "TIMED_WAITING" -> d.contains("sleeping") ? ThreadState.SLEEPING : ThreadState.WAITING;
            default -> ThreadState.UNKNOWN;
        };
    }

    /** The state of a thread without a state line (JVM-internal threads), from its header's trailing words. */
    private static ThreadState trailerState(String rest) {
        Matcher m = TRAILER.matcher(rest);
        if (!m.find()) return ThreadState.UNKNOWN;
        String t = m.group(1);
        if (t.startsWith("runnable")) return ThreadState.RUNNING;
        if (t.startsWith("waiting for monitor entry")) return ThreadState.BLOCKED;
        if (t.startsWith("waiting on condition") || t.startsWith("in Object.wait")) return ThreadState.WAITING;
        if (t.startsWith("sleeping")) return ThreadState.SLEEPING;
        return ThreadState.UNKNOWN;
    }
}
