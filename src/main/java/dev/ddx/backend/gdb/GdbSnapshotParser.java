package dev.ddx.backend.gdb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddx.backend.NativeThreadStates;
import dev.ddx.error.DebuggerException;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LoadedModule;
import dev.ddx.model.LockInfo;
import dev.ddx.model.SignalInfo;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import dev.ddx.model.Variable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the JSON documents of {@code tools/gdb/ddx_gdb.py} (printed between markers on gdb's
 * console) into evidence-model records: threads with innermost-first frames, pthread mutexes
 * with the owner read from the mutex, modules, and the signal.
 */
public final class GdbSnapshotParser {
    private static final String BEGIN = "<<ddx-json>>";
    private static final String BEGIN_Z = "<<ddx-json-z>>";
    private static final String END = "<<ddx-end>>";

    private GdbSnapshotParser() {
    }

    /** The process state as the helper reported it. */
    public record GdbState(long pid, String executable, Optional<String> selectedThread, List<TargetThread> threads,
                           List<LockInfo> locks, List<LoadedModule> modules, Optional<ExceptionInfo> signal) {
    }

    /** The one JSON document in what a helper command printed (plain, or compressed and base64-encoded). */
    public static JsonNode document(String console) {
        int z = console.indexOf(BEGIN_Z);
        if (z >= 0) {
            int e = console.indexOf(END, z);
            if (e > z) return json(inflate(console.substring(z + BEGIN_Z.length(), e).strip()));
        }
        int b = console.indexOf(BEGIN);
        int e = console.indexOf(END, Math.max(b, 0));
        if (b < 0 || e < 0) {
            String shown = console.strip();
            if (shown.length() > 200) shown = shown.substring(0, 200) + "...";
            throw new DebuggerException("the ddx gdb helper gave no answer: " + (shown.isEmpty() ? "(nothing)" : shown),
                    "gdb needs Python support; run with --debug to see the exchange");
        }
        return json(console.substring(b + BEGIN.length(), e));
    }

    private static JsonNode json(String text) {
        try {
            return JsonTreeParser.parse(text);
        } catch (IOException x) {
            throw new DebuggerException("the ddx gdb helper answered malformed JSON: " + x.getMessage(), "", x);
        }
    }

    private static String inflate(String base64) {
        try {
            byte[] packed = java.util.Base64.getDecoder().decode(base64);
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(packed);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(packed.length * 8);
            byte[] buf = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                out.write(buf, 0, n);
            }
            inflater.end();
            return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException | java.util.zip.DataFormatException x) {
            throw new DebuggerException("the ddx gdb helper answered a damaged compressed document: " + x.getMessage(), "", x);
        }
    }

    /**
     * The snapshot document as records.
     *
     * @param sourceText reads the text of a source line ({@code fullname:line}), empty when unreadable
     */
    public static GdbState state(JsonNode doc, Function<SourceLocation, Optional<String>> sourceText) {
        String exe = doc.path("exe").asText("");
        List<TargetThread> threads = new ArrayList<>();
        Map<String, Long> lwps = new HashMap<>();
        for (JsonNode t : doc.path("threads")) lwps.put(t.path("num").asText(), t.path("lwp").asLong(0));
        Set<String> waiting = new HashSet<>();
        Set<String> taking = new HashSet<>();
        for (JsonNode m : doc.path("mutexes")) {
            m.path("waiters").forEach(w -> (takesFreeLock(m, w.asText(), lwps) ? taking : waiting).add(w.asText()));
        }
        for (JsonNode t : doc.path("threads")) threads.add(thread(t, exe, waiting, taking, sourceText));
        Optional<String> selected = doc.path("selected").isNumber()
                ? Optional.of(doc.path("selected").asText()) : Optional.empty();
        Optional<ExceptionInfo> signal = Optional.empty();
        JsonNode sig = doc.path("signal");
        if (sig.isObject() && selected.isPresent()) {
            List<StackFrame> frames = threads.stream().filter(t -> t.id().equals(selected.get())).findFirst()
                    .map(TargetThread::frames).orElse(List.of());
            signal = Optional.of(signal(sig, selected.get(), frames));
        }
        List<LockInfo> locks = new ArrayList<>();
        for (JsonNode m : doc.path("mutexes")) {
            LockInfo l = lock(m, taking);
            if (l.owner().isPresent() || !l.waiters().isEmpty()) locks.add(l); // a free lock only being taken is no evidence
        }
        List<LoadedModule> modules = new ArrayList<>();
        for (JsonNode m : doc.path("modules")) modules.add(module(m));
        return new GdbState(doc.path("pid").asLong(0), exe, selected, threads, locks, modules, signal);
    }

    /**
     * Whether thread {@code id}, stopped inside a lock call on mutex {@code m}, is taking a lock no
     * other thread holds (the mutex's owner read from memory is none, or the thread itself) rather
     * than waiting for it: a spinning thread caught in the few instructions of an uncontended lock.
     * A mutex whose owner could not be read keeps its callers waiting.
     */
    static boolean takesFreeLock(JsonNode m, String id, Map<String, Long> lwps) {
        if (!m.has("owner")) return false;
        long owner = m.path("owner").asLong(0);
        return owner == 0 || owner == lwps.getOrDefault(id, -1L);
    }

    static TargetThread thread(JsonNode t, String exe, Set<String> waiting, Set<String> taking,
                               Function<SourceLocation, Optional<String>> sourceText) {
        List<StackFrame> frames = new ArrayList<>();
        for (JsonNode f : t.path("frames")) frames.add(frame(f, exe, sourceText));
        String id = t.path("num").asText();
        ThreadState state = waiting.contains(id) ? ThreadState.BLOCKED
                : taking.contains(id) ? ThreadState.RUNNING : NativeThreadStates.classify(frames);
        long lwp = t.path("lwp").asLong(0);
        return new TargetThread(id, lwp > 0 ? OptionalLong.of(lwp) : OptionalLong.empty(), t.path("name").asText(""),
                state, Optional.empty(), false, frames, t.path("depth").asInt(frames.size()));
    }

    static StackFrame frame(JsonNode f, String exe, Function<SourceLocation, Optional<String>> sourceText) {
        String modulePath = f.path("module").asText("");
        CodeOwner owner = CodeOwners.of(modulePath, exe);
        Optional<SourceLocation> source = Optional.empty();
        Optional<String> text = Optional.empty();
        if (f.hasNonNull("file")) {
            int line = f.path("line").asInt(0);
            source = Optional.of(new SourceLocation(f.path("file").asText(), line));
            String fullname = f.path("fullname").asText(f.path("file").asText());
            if (line > 0) text = sourceText.apply(new SourceLocation(fullname, line));
        }
        long pc = f.path("pc").asLong(0);
        return new StackFrame(f.path("level").asInt(), f.hasNonNull("func") ? f.path("func").asText() : "??",
                CodeOwners.basename(modulePath), source, pc != 0 ? OptionalLong.of(pc) : OptionalLong.empty(),
                variables(f.path("args")), variables(f.path("locals")), text, owner);
    }

    private static List<Variable> variables(JsonNode list) {
        List<Variable> out = new ArrayList<>();
        for (JsonNode v : list) out.add(new Variable(v.path("name").asText(), v.path("type").asText(), v.path("value").asText()));
        return out;
    }

    static ExceptionInfo signal(JsonNode sig, String threadId, List<StackFrame> frames) {
        long signo = sig.path("signo").asLong();
        int code = sig.path("code").asInt();
        String name = sig.path("name").asText("SIG" + signo);
        OptionalLong addr = sig.has("addr") && SignalCodes.hasFaultAddress(signo)
                ? OptionalLong.of(sig.path("addr").asLong()) : OptionalLong.empty();
        SignalInfo info = new SignalInfo(name, signo, OptionalInt.of(code), SignalCodes.name(signo, code), addr);
        return new ExceptionInfo(name, sig.path("description").asText(""), Optional.of(threadId), Optional.of(info),
                frames, Optional.empty(), List.of());
    }

    /** A mutex some thread was stopped in a lock call on; its waiters are those not {@code taking} a free lock. */
    static LockInfo lock(JsonNode m, Set<String> taking) {
        long addr = m.path("address").asLong();
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String k : new String[]{"lock", "count", "owner", "kind", "error"}) {
            if (m.has(k)) attrs.put(k.equals("owner") ? "owner_lwp" : k, m.path(k).asText());
        }
        Optional<String> owner = m.hasNonNull("owner_thread") ? Optional.of(m.path("owner_thread").asText()) : Optional.empty();
        if (owner.isEmpty() && m.path("owner").asLong(0) > 0) attrs.put("owner_note", "the owner LWP is not a thread of this process");
        List<String> waiters = new ArrayList<>();
        m.path("waiters").forEach(w -> {
            if (!taking.contains(w.asText())) waiters.add(w.asText());
        });
        return new LockInfo(String.format("0x%x", addr), "pthread_mutex", m.path("symbol").asText(""), owner, waiters,
                Optional.empty(), attrs);
    }

    static LoadedModule module(JsonNode m) {
        String path = m.path("path").asText();
        OptionalLong start = m.has("start") ? OptionalLong.of(m.path("start").asLong()) : OptionalLong.empty();
        OptionalLong end = m.has("end") ? OptionalLong.of(m.path("end").asLong()) : OptionalLong.empty();
        Optional<String> buildId = m.hasNonNull("build_id") ? Optional.of(m.path("build_id").asText()) : Optional.empty();
        return new LoadedModule(CodeOwners.basename(path), path, buildId, start, end, Optional.empty(), Optional.empty(),
                m.path("debug").asBoolean(false));
    }
}
