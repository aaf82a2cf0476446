package dev.ddx.agent;

import dev.ddx.catalog.PatternEntry;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Probe;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the offline analyst's answers: a lead that answers the question from the evidence,
 * then always the same three sections — Patterns (id and evidence), Next (commands and why),
 * Fix (the catalog's remedies for the patterns found, made concrete with the evidence).
 */
final class AnswerWriter {
    private static final int MAX_EVIDENCE = 2;
    private static final int MAX_PATTERNS = 4;
    private final Incident incident;
    private final List<Finding> findings;
    private final Optional<Snapshot> snapshot;

    AnswerWriter(Incident incident) {
        this.incident = incident;
        this.findings = incident.findings();
        this.snapshot = incident.snapshot();
    }

    String write(Question q, Map<String, String> results) {
        StringBuilder b = new StringBuilder(lead(q, results).strip()).append("\n\n");
        patterns(b);
        next(b);
        fix(b);
        return b.toString().stripTrailing();
    }

    private String lead(Question q, Map<String, String> results) {
        return switch (q.intent()) {
            case CRASH -> crash();
            case BLOCKING -> blocking(q.thread());
            case SPIN -> spin();
            case LEAK -> leak();
            case NEXT -> "What to run next, from the patterns found:";
            case FIX -> fixLead();
            case PATTERN -> pattern(q.pattern().orElse(""));
            case THREAD -> results.getOrDefault("backtrace", "no thread " + q.thread().orElse("?"))
                    + results.entrySet().stream().filter(e -> e.getKey().equals("frame_locals"))
                    .map(e -> "\n\n" + e.getValue()).findFirst().orElse("");
            case COMPARE -> results.getOrDefault("compare_last_run", "no previous run is recorded for this program");
            case LOGS -> results.getOrDefault("log_summary", "this session has no logs");
            case OVERVIEW -> overview();
            case UNKNOWN -> unknown();
        };
    }

    private String crash() {
        if (snapshot.isEmpty() || snapshot.get().exception().isEmpty()) {
            Optional<Finding> f = first("crash", "exception-stack-trace", "managed-code-exception", "software-exception");
            return f.map(x -> x.title() + ".").orElse("Nothing in the evidence shows a crash: no signal or exception stopped the target"
                    + snapshot.map(s -> " (it was " + s.process().state().name().toLowerCase(Locale.ROOT) + ")").orElse("") + ".");
        }
        Snapshot s = snapshot.get();
        ExceptionInfo e = s.exception().get();
        StringBuilder b = new StringBuilder("It stopped on ").append(e.type());
        e.signal().ifPresent(sig -> {
            if (!sig.codeName().isEmpty()) b.append(" (").append(sig.codeName()).append(')');
            sig.faultAddress().ifPresent(a -> b.append(" at address 0x").append(Long.toHexString(a)));
        });
        if (!e.message().isEmpty() && e.signal().isEmpty()) b.append(": ").append(ModelTextRenderer.bound(e.message()));
        Optional<TargetThread> t = s.faultingThread();
        t.ifPresent(th -> b.append(" on ").append(th.label()));
        Optional<StackFrame> culprit = incident.culprit();
        culprit.ifPresent(f -> b.append(", in ").append(f.label()).append(" (frame #")
                .append(f.index()).append(f.owner() == dev.ddx.model.CodeOwner.USER ? ", the program's own code" : "").append(')'));
        b.append('.');
        culprit.flatMap(StackFrame::sourceText)
                .ifPresent(src -> b.append("\nThe faulting line: `").append(src.strip()).append('`'));
        badPointer(s).ifPresent(x -> b.append('\n').append(x));
        for (ExceptionInfo c : e.chain().subList(1, e.chain().size())) {
            b.append("\nIt was caused by ").append(c.type()).append(c.message().isEmpty() ? "" : ": " + ModelTextRenderer.bound(c.message())).append('.');
        }
        return b.toString();
    }

    /** The bad pointer of a SIGSEGV: the first probed expression that was null or unreadable. */
    static Optional<String> badPointer(Snapshot s) {
        Probe good = null;
        for (Probe p : s.probes()) {
            if (p.status() == Probe.Status.OK) {
                good = p;
                continue;
            }
            if (p.status() == Probe.Status.NULL || p.status() == Probe.Status.UNREADABLE) {
                String what = p.status() == Probe.Status.NULL ? "is a null pointer" : "points to memory that cannot be read";
                StringBuilder b = new StringBuilder("The bad pointer: `").append(p.expression()).append("` = ")
                        .append(ModelTextRenderer.bound(p.value())).append(", which ").append(what)
                        .append("; the line dereferences it, and that read faulted");
                if (good != null) b.append(" (`").append(good.expression()).append("` itself was readable: ")
                        .append(ModelTextRenderer.bound(good.value())).append(')');
                return Optional.of(b.append('.').toString());
            }
        }
        return Optional.empty();
    }

    private String blocking(Optional<String> threadId) {
        if (snapshot.isEmpty()) return logsOnly();
        Snapshot s = snapshot.get();
        StringBuilder b = new StringBuilder();
        first("deadlock").ifPresent(f -> b.append(f.title()).append(".\n"));
        List<TargetThread> threads = threadId.flatMap(s::thread).map(List::of).orElseGet(() -> s.threads().stream()
                .filter(t -> t.state() == ThreadState.BLOCKED || waitsForLock(s, t.id()).isPresent()).toList());
        if (threadId.isPresent() && threads.isEmpty()) return "There is no thread " + threadId.get() + " in the target.";
        for (TargetThread t : threads.subList(0, Math.min(threads.size(), 8))) b.append(waitLine(s, t)).append('\n');
        if (threads.size() > 8) b.append("… and ").append(threads.size() - 8).append(" more threads like these.\n");
        if (b.length() == 0) b.append("No thread is blocked on a lock ddx could read; ")
                .append(s.threads().size()).append(" threads, states: ").append(states(s)).append('.');
        return b.toString();
    }

    private static String waitLine(Snapshot s, TargetThread t) {
        String where = Incident.culpritFrame(t).map(f -> " in " + f.label()).orElse("");
        Optional<LockInfo> l = waitsForLock(s, t.id());
        if (l.isEmpty()) {
            return t.label() + " is " + t.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + where
                    + t.top().map(f -> " (innermost: " + f.function() + ")").orElse("") + ".";
        }
        LockInfo lock = l.get();
        String holder = lock.owner().map(o -> "held by thread " + o + s.thread(o).flatMap(Incident::culpritFrame)
                .map(f -> " (which is in " + f.label() + ")").orElse("")).orElse("whose holder is not known");
        return t.label() + " waits for " + lock.label() + where + ", " + holder + ".";
    }

    static Optional<LockInfo> waitsForLock(Snapshot s, String threadId) {
        return s.locks().stream().filter(l -> l.waiters().contains(threadId)).findFirst();
    }

    private static String states(Snapshot s) {
        Map<ThreadState, Long> m = new java.util.TreeMap<>();
        for (TargetThread t : s.threads()) m.merge(t.state(), 1L, Long::sum);
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(v + " " + k.name().toLowerCase(Locale.ROOT)));
        return String.join(", ", out);
    }

    private String spin() {
        Optional<Finding> f = first("spiking-thread", "active-thread", "livelock");
        if (f.isPresent()) return f.get().title() + ".";
        if (snapshot.isEmpty()) return logsOnly();
        List<TargetThread> running = snapshot.get().threads().stream().filter(t -> t.state() == ThreadState.RUNNING).toList();
        String r = running.isEmpty() ? "No thread was running when the snapshot was taken"
                : "Running when the snapshot was taken: " + String.join("; ", running.stream().limit(5)
                .map(t -> t.label() + Incident.culpritFrame(t).map(x -> " in " + x.label()).orElse("")).toList());
        return r + ". Which thread spins needs CPU samples over time: attach with --pid N --observe 10.";
    }

    private String leak() {
        Optional<Finding> f = first("memory-leak", "handle-leak");
        return f.map(x -> x.title() + ".").orElse("No leak is shown by the evidence: a leak needs memory or handle counts over time "
                + "(attach with --pid N --observe 30, or give the logs that record them).");
    }

    private String pattern(String id) {
        Optional<PatternEntry> e = incident.catalog().find(id);
        if (e.isEmpty()) return "The catalog has no pattern '" + id + "'.";
        boolean found = findings.stream().anyMatch(f -> f.patternId().equals(id));
        return e.get().name() + " (" + id + "): " + e.get().summary().strip()
                + (e.get().signals().isEmpty() ? "" : "\nSignals: " + String.join("; ", e.get().signals()) + ".")
                + "\nIn this incident: " + (found ? "detected (see below)." : "not detected.");
    }

    private String overview() {
        if (findings.isEmpty()) return "ddx found no pattern of the catalog in " + incident.describe() + ".";
        Finding top = findings.get(0);
        return "In " + incident.describe() + ": " + top.title() + (findings.size() > 1 ? ", and " + (findings.size() - 1)
                + " more pattern" + (findings.size() > 2 ? "s" : "") : "") + ".";
    }

    private String unknown() {
        String dialect = incident.primary().map(b -> b.debugger()).orElse("logs");
        return "I can't answer that from the evidence I have. I can show you: the threads (/threads), a thread's stack "
                + "(/bt N), a frame's locals (/frame N, /locals), the modules (/modules), the findings (/findings), "
                + "a pattern (/pattern ID)" + (dialect.equals("logs") ? ", the logs (ask about the logs)"
                : ", or any read-only " + dialect + " command (/run COMMAND)") + ".";
    }

    private String logsOnly() {
        return "This session has no debugger target, only logs; " + (findings.isEmpty() ? "no pattern was found in them."
                : "the logs show: " + findings.get(0).title() + ".");
    }

    private void patterns(StringBuilder b) {
        b.append("Patterns:\n");
        if (findings.isEmpty()) b.append("- none detected in the evidence so far\n");
        for (Finding f : findings.subList(0, Math.min(MAX_PATTERNS, findings.size()))) {
            b.append("- ").append(f.patternId()).append(": ").append(f.title()).append('\n');
            for (Evidence e : f.evidence().subList(0, Math.min(MAX_EVIDENCE, f.evidence().size()))) {
                b.append("    evidence: ").append(shown(e.fact())).append(" [").append(e.where()).append("]\n");
            }
            if (f.evidence().size() > MAX_EVIDENCE) b.append("    … ").append(f.evidence().size() - MAX_EVIDENCE).append(" more facts (/findings)\n");
        }
        if (findings.size() > MAX_PATTERNS) {
            b.append("- … and ").append(String.join(", ", findings.subList(MAX_PATTERNS, findings.size()).stream()
                    .map(Finding::patternId).distinct().toList())).append(" (/findings shows them)\n");
        }
    }

    private void next(StringBuilder b) {
        b.append("Next:\n");
        List<NextCommand> cs = incident.nextCommands();
        if (cs.isEmpty()) b.append("- nothing to run: ask about the logs, or start ddx chat on a core, pid or script\n");
        for (NextCommand c : cs.subList(0, Math.min(3, cs.size()))) {
            b.append("- `").append(c.command()).append("` (").append(c.debugger()).append(") — ").append(c.reason()).append('\n');
        }
    }

    private void fix(StringBuilder b) {
        b.append("Fix:\n");
        int n = 0;
        for (Finding f : findings) {
            Optional<PatternEntry> e = incident.catalog().find(f.patternId());
            if (e.isEmpty() || e.get().fixes().isEmpty()) continue;
            String here = concrete(f);
            b.append("- ").append(f.patternId()).append(": ").append(e.get().fixes().get(0))
                    .append(" — here: ").append(shown(here)).append('\n');
            for (String more : e.get().fixes().subList(1, Math.min(3, e.get().fixes().size()))) b.append("  also: ").append(more).append('\n');
            if (++n == 3) break;
        }
        if (n == 0) b.append("- none yet: the evidence does not show a fix\n");
    }

    private String fixLead() {
        for (Finding f : findings) {
            Optional<PatternEntry> e = incident.catalog().find(f.patternId());
            if (e.isPresent() && !e.get().fixes().isEmpty()) {
                return "First fix the " + e.get().name().toLowerCase(Locale.ROOT) + ": " + e.get().fixes().get(0) + ".\nHere: "
                        + concrete(f) + ".";
            }
        }
        return "No pattern with a known remedy was detected, so the evidence shows no fix yet.";
    }

    /** The evidence that makes a fix concrete: for a crash the culprit line and the bad pointer. */
    private String concrete(Finding f) {
        if (f.patternId().equals("crash") && snapshot.isPresent()) {
            Optional<StackFrame> c = incident.culprit();
            Optional<Probe> bad = snapshot.get().probes().stream()
                    .filter(p -> p.status() == Probe.Status.NULL || p.status() == Probe.Status.UNREADABLE).findFirst();
            if (c.isPresent() && bad.isPresent()) {
                return "in " + c.get().label() + ", `" + bad.get().expression() + "` is "
                        + (bad.get().status() == Probe.Status.NULL ? "NULL" : "unreadable") + " when the line dereferences it:"
                        + " find where it should have been set, and check it before use";
            }
            if (c.isPresent()) return "start at " + c.get().label();
        }
        return f.evidence().get(0).fact();
    }

    /** Answers are read by people: facts are cut later than in the model's context. */
    private static String shown(String fact) {
        return fact.length() <= 400 ? fact : fact.substring(0, 400) + "…";
    }

    private Optional<Finding> first(String... ids) {
        for (String id : ids) {
            Optional<Finding> f = findings.stream().filter(x -> x.patternId().equals(id)).findFirst();
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }
}
