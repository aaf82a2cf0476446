package dev.ddx.agent;

import dev.ddx.backend.DebuggerBackend;
import dev.ddx.catalog.Catalog;
import dev.ddx.catalog.PatternEntry;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.analysis.Analysis;
import dev.ddx.analysis.Analyzer;
import dev.ddx.analysis.Culprit;
import dev.ddx.pattern.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything one chat session looks at: the debugger backends (the first is the primary one the
 * tools talk to), the logs, the catalog, and the findings detected on them.
 *
 * <p>Without an explicit analyzer, findings, the culprit and the next commands come from the
 * standard {@link Analyzer}. Snapshots and findings are computed once and cached; {@link #refresh()} drops the cache
 * (after a command that may have changed a live target). Never prints.
 */
public final class Incident implements AutoCloseable {
    private final List<DebuggerBackend> backends;
    private final Optional<LogView> logs;
    private final Catalog catalog;
    private final Function<Snapshot, List<Finding>> analyzer;
    private final Optional<PreviousRun> previous;
    private final Map<DebuggerBackend, Snapshot> snapshots = new IdentityHashMap<>();
    private final Map<DebuggerBackend, Analysis> analyses = new IdentityHashMap<>();
    private final boolean standardAnalysis;
    private List<Finding> findings;

    public Incident(List<DebuggerBackend> backends, Optional<LogView> logs, Catalog catalog,
                    Function<Snapshot, List<Finding>> analyzer, Optional<PreviousRun> previous) {
        this.backends = List.copyOf(backends);
        this.logs = logs;
        this.catalog = catalog;
        this.standardAnalysis = analyzer == null;
        this.analyzer = analyzer == null ? s -> analysisOf(s).findings() : analyzer;
        this.previous = previous;
    }

    private static Analysis analysisOf(Snapshot s) {
        return Analyzer.standard().analyze(s);
    }

    /** The standard analysis of the primary target (culprit, signature, next commands), when the incident uses it. */
    public synchronized Optional<Analysis> analysis() {
        if (!standardAnalysis) return Optional.empty();
        return primary().map(b -> analyses.computeIfAbsent(b, x -> analysisOf(snapshotOf(x))));
    }

    public List<DebuggerBackend> backends() {
        return backends;
    }

    public Optional<DebuggerBackend> primary() {
        return backends.isEmpty() ? Optional.empty() : Optional.of(backends.get(0));
    }

    public Optional<LogView> logs() {
        return logs;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Optional<PreviousRun> previous() {
        return previous;
    }

    /** The primary backend's snapshot, if there is a debugger target. */
    public synchronized Optional<Snapshot> snapshot() {
        return primary().map(this::snapshotOf);
    }

    public synchronized Snapshot snapshotOf(DebuggerBackend b) {
        return snapshots.computeIfAbsent(b, DebuggerBackend::snapshot);
    }

    /** Every finding (debugger targets first, then logs), strongest first within each; only catalog ids. */
    public synchronized List<Finding> findings() {
        if (findings == null) {
            List<Finding> all = new ArrayList<>();
            for (DebuggerBackend b : backends) {
                all.addAll(standardAnalysis ? analyses.computeIfAbsent(b, x -> analysisOf(snapshotOf(x))).findings()
                        : sorted(analyzer.apply(snapshotOf(b))));
            }
            logs.ifPresent(l -> all.addAll(sorted(l.findings())));
            all.removeIf(f -> !catalog.contains(f.patternId()));
            findings = List.copyOf(all);
        }
        return findings;
    }

    /** Drops cached snapshots and findings. */
    public synchronized void refresh() {
        snapshots.clear();
        analyses.clear();
        findings = null;
    }

    /** The commands the catalog suggests for the patterns found, in the primary debugger's dialect. */
    public List<NextCommand> nextCommands() {
        String dialect = primary().map(DebuggerBackend::debugger).orElse("logs");
        Set<String> seen = new LinkedHashSet<>();
        List<NextCommand> out = new ArrayList<>();
        analysis().ifPresent(a -> a.nextCommands().forEach(n -> {
            if (seen.add(n.command())) out.add(new NextCommand(n.debugger(), n.command(), n.why()));
        }));
        for (Finding f : findings()) {
            Optional<PatternEntry> e = catalog.find(f.patternId());
            if (e.isEmpty()) continue;
            for (String c : e.get().commandsFor(dialect)) {
                if (seen.add(c)) out.add(new NextCommand(dialect, c, "gathers the evidence of " + f.patternId()));
            }
        }
        if (out.isEmpty()) out.addAll(defaultCommands(dialect));
        return out;
    }

    private static List<NextCommand> defaultCommands(String dialect) {
        return switch (dialect) {
            case "gdb" -> List.of(new NextCommand("gdb", "thread apply all bt", "shows every thread's stack"),
                    new NextCommand("gdb", "info threads", "lists the threads and where each one stopped"));
            case "pdb" -> List.of(new NextCommand("pdb", "w", "shows the current stack"));
            case "cdb" -> List.of(new NextCommand("cdb", "!analyze -v", "lets cdb name the fault"),
                    new NextCommand("cdb", "~*k", "shows every thread's stack"));
            default -> List.of();
        };
    }

    /** The frame to look at first in the incident: the analysis's culprit, else the faulting thread's. */
    public Optional<StackFrame> culprit() {
        Optional<StackFrame> c = analysis().flatMap(Analysis::culprit).map(Culprit::frame);
        return c.isPresent() ? c : snapshot().flatMap(Snapshot::faultingThread).flatMap(Incident::culpritFrame);
    }

    /** The frame to look at first in a thread: the innermost frame of the program's own code, else the innermost. */
    public static Optional<StackFrame> culpritFrame(TargetThread t) {
        return t.frames().stream().filter(f -> f.owner() == CodeOwner.USER).findFirst()
                .or(() -> t.frames().stream().filter(f -> f.source().isPresent()).findFirst())
                .or(t::top);
    }

    /** One line naming what the session is about. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (DebuggerBackend b : backends) parts.add(b.describe());
        logs.ifPresent(l -> parts.add("logs " + l.describe()));
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }

    static List<Finding> sorted(List<Finding> in) {
        List<Finding> out = new ArrayList<>(in);
        out.sort(Comparator.comparingDouble(Finding::confidence).reversed());
        return out;
    }

    @Override
    public void close() {
        logs.ifPresent(l -> {
            try {
                l.close();
            } catch (RuntimeException ignored) {
                // best effort, as for the debuggers
            }
        });
        for (DebuggerBackend b : backends) {
            try {
                b.close();
            } catch (RuntimeException ignored) {
                // closing is best effort; the session is over
            }
        }
    }
}
