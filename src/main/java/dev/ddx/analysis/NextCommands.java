package dev.ddx.analysis;

import dev.ddx.catalog.Catalog;
import dev.ddx.catalog.PatternEntry;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.pattern.BadPointer;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.WaitForGraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans the debugger commands worth running next: concrete ones built from the findings (the
 * culprit's thread and frame, the bad pointer's parent, each thread of a lock cycle), then the
 * catalog's commands for each pattern found, with THREAD, FRAME, ADDR and PID filled from the
 * evidence (a command whose placeholder cannot be filled is left out). gdb for native targets,
 * pdb for Python, cdb for Windows dumps, the JDK's own tools (in a shell) for JVM thread dumps.
 */
final class NextCommands {
    static final int MAX = 12;

    private NextCommands() {
    }

    static List<NextCommand> plan(Snapshot s, List<Finding> findings, Optional<Culprit> culprit, Optional<Catalog> catalog) {
        String dbg = debugger(s);
        Map<String, NextCommand> out = new LinkedHashMap<>();
        Fill fill = Fill.of(s, culprit, dbg);
        switch (dbg) {
            case "pdb" -> PdbCommands.add(s, findings, culprit, out);
            case "cdb" -> CdbCommands.add(s, findings, culprit, out);
            case JvmCommands.SHELL -> JvmCommands.add(s, findings, out);
            default -> gdb(s, findings, culprit, out);
        }
        catalog.ifPresent(c -> {
            for (Finding f : findings) {
                Optional<PatternEntry> e = c.find(f.patternId());
                if (e.isEmpty()) continue;
                for (String cmd : e.get().commandsFor(dbg)) {
                    fill.apply(cmd).ifPresent(x -> put(out, dbg, x, "gathers the evidence for " + e.get().name()));
                }
            }
        });
        return out.values().stream().limit(MAX).toList();
    }

    static String debugger(Snapshot s) {
        TargetProcess.Runtime r = s.process().runtime();
        if (r == TargetProcess.Runtime.PYTHON) return "pdb";
        if (r == TargetProcess.Runtime.WINDOWS || s.input().kind().startsWith("cdb")) return "cdb";
        if (r == TargetProcess.Runtime.JVM) return JvmCommands.SHELL;
        return "gdb";
    }

    static void put(Map<String, NextCommand> out, String dbg, String command, String why) {
        out.putIfAbsent(command, new NextCommand(dbg, command, why));
    }

    /** Like {@link #put} for a command that means something else after each {@code thread N} (bt full). */
    static void putFor(Map<String, NextCommand> out, String thread, String dbg, String command, String why) {
        out.putIfAbsent(thread + "\u0000" + command, new NextCommand(dbg, command, why));
    }

    private static void gdb(Snapshot s, List<Finding> findings, Optional<Culprit> culprit, Map<String, NextCommand> out) {
        culprit.ifPresent(c -> {
            if (!c.threadId().isEmpty()) put(out, "gdb", "thread " + c.threadId(), "switch to the culprit's thread");
            put(out, "gdb", "frame " + c.frame().index(), "select the culprit frame " + c.frame().function());
            BadPointer.find(s).ifPresent(b -> {
                put(out, "gdb", "print " + b.nextExpression(), "show where the bad pointer " + b.bad().expression() + " was read from");
            });
            put(out, "gdb", "info locals", "the culprit frame's local variables");
            put(out, "gdb", "list", "the source around the culprit line");
        });
        boolean has = false;
        for (Finding f : findings) if (f.patternId().equals("deadlock")) has = true;
        if (has) {
            for (WaitForGraph.Cycle c : WaitForGraph.of(s).cycles()) {
                for (WaitForGraph.Link l : c.links()) {
                    put(out, "gdb", "thread " + l.waiter(), "switch to thread " + l.waiter() + " of the lock cycle");
                    putFor(out, l.waiter(), "gdb", "bt full", "its whole stack with locals: where it took the lock it holds");
                    mutexPrint(l.lock()).ifPresent(p -> put(out, "gdb", p,
                            "the mutex itself: __owner is the LWP of the thread holding it"));
                }
            }
        }
        for (WaitForGraph.Chain ch : WaitForGraph.of(s).chains()) {
            put(out, "gdb", "thread " + ch.root(), "switch to the root blocker of the wait chain");
            putFor(out, ch.root(), "gdb", "bt full", "what the root blocker waits for, with locals");
        }
        if (s.threads().size() > 1) put(out, "gdb", "info threads", "every thread and where it stands");
        if (findings.stream().anyMatch(f -> f.patternId().equals("stack-overflow"))) {
            put(out, "gdb", "bt -8", "the outermost frames: where the recursion started");
        }
    }

    private static Optional<String> mutexPrint(LockInfo l) {
        return mutexExpression(l).map(x -> "print " + x);
    }

    private static Optional<String> mutexExpression(LockInfo l) {
        if (!l.kind().startsWith("pthread_mutex") || !l.id().startsWith("0x")) return Optional.empty();
        return Optional.of("*(pthread_mutex_t *) " + l.id());
    }

    /** Placeholder values taken from the evidence; a command with a placeholder left unfilled is dropped. */
    record Fill(Map<String, String> values) {
        static final List<String> PLACEHOLDERS = List.of("THREAD", "FRAME", "ADDR", "EXPR", "LOCK", "FILE", "PID", "VERSION");

        static Fill of(Snapshot s, Optional<Culprit> culprit, String dbg) {
            Map<String, String> v = new LinkedHashMap<>();
            culprit.map(Culprit::threadId).filter(t -> !t.isEmpty()).ifPresent(t -> v.put("THREAD", t));
            culprit.ifPresent(c -> v.put("FRAME", Integer.toString(c.frame().index())));
            s.exception().flatMap(e -> e.signal()).filter(x -> x.faultAddress().isPresent())
                    .ifPresent(x -> v.put("ADDR", "0x" + Long.toHexString(x.faultAddress().getAsLong())));
            Optional<LockInfo> lock = WaitForGraph.of(s).links().stream().map(WaitForGraph.Link::lock).findFirst();
            lock.ifPresent(l -> {
                v.putIfAbsent("ADDR", l.id());
                if (!l.name().isEmpty()) v.put("LOCK", l.name());
                else if (dbg.equals("gdb")) mutexExpression(l).ifPresent(x -> v.put("LOCK", x));
            });
            BadPointer.find(s).ifPresent(b -> v.put("EXPR", b.nextExpression()));
            if (s.process().pid().isPresent()) v.put("PID", Long.toString(s.process().pid().getAsLong()));
            return new Fill(v);
        }

        Optional<String> apply(String cmd) {
            String out = cmd;
            for (String p : PLACEHOLDERS) {
                if (!containsWord(out, p)) continue;
                if (!values.containsKey(p)) return Optional.empty();
                out = replaceWord(out, p, values.get(p));
            }
            return Optional.of(out);
        }

        private static boolean containsWord(String text, String word) {
            return replaceWord(text, word, "\u0000").contains("\u0000");
        }

        /** Replaces {@code word} where it stands alone (not inside a longer identifier). */
        private static String replaceWord(String text, String word, String with) {
            StringBuilder b = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int at = text.indexOf(word, i);
                if (at < 0) break;
                boolean alone = (at == 0 || !isIdent(text.charAt(at - 1)))
                        && (at + word.length() >= text.length() || !isIdent(text.charAt(at + word.length())));
                b.append(text, i, at).append(alone ? with : word);
                i = at + word.length();
            }
            return b.append(text.substring(i)).toString();
        }

        private static boolean isIdent(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }
    }
}
