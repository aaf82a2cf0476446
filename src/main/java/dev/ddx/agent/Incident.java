package dev.ddx.agent;

import dev.ddx.backend.DebuggerBackend;
import dev.ddx.catalog.Catalog;
import dev.ddx.catalog.PatternEntry;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.pattern.DetectorRegistry;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.SnapshotDetector;

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
 * <p>Snapshots and findings are computed once and cached; {@link #refresh()} drops the cache
 * (after a command that may have changed a live target). Never prints.
 */
public final class Incident implements AutoCloseable {
    private final List<DebuggerBackend> backends;
    private final Optional<LogView> logs;
    private final Catalog catalog;
    private final Function<Snapshot, List<Finding>> analyzer;
    private final Optional<PreviousRun> previous;
    private final Map<DebuggerBackend, Snapshot> snapshots = new IdentityHashMap<>();
    private List<Finding> findings;

    public Incident(List<DebuggerBackend> backends, Optional<LogView> logs, Catalog catalog,
                    Function<Snapshot, List<Finding>> analyzer, Optional<PreviousRun> previous) {
        this.backends = List.copyOf(backends);
        this.logs = logs;
        this.catalog = catalog;
        this.analyzer = analyzer == null ? Incident::detect : analyzer;
        this.previous = previous;
    }

    /** Findings from every registered snapshot detector, strongest first. */
    public static List<Finding> detect(Snapshot s) {
        List<Finding> out = new ArrayList<>();
        for (SnapshotDetector d : DetectorRegistry.snapshotDetectors()) {
            try {
                out.addAll(d.detect(s));
            } catch (RuntimeException e) {
                // one broken detector must not hide the others' findings
            }
        }
        return out;
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
            for (DebuggerBackend b : backends) all.addAll(sorted(analyzer.apply(snapshotOf(b))));
            logs.ifPresent(l -> all.addAll(sorted(l.findings())));
            all.removeIf(f -> !catalog.contains(f.patternId()));
            findings = List.copyOf(all);
        }
        return findings;
    }

    /** Drops cached snapshots and findings. */
    public synchronized void refresh() {
        snapshots.clear();
        findings = null;
    }

    /** The commands the catalog suggests for the patterns found, in the primary debugger's dialect. */
    public List<NextCommand> nextCommands() {
        String dialect = primary().map(DebuggerBackend::debugger).orElse("logs");
        Set<String> seen = new LinkedHashSet<>();
        List<NextCommand> out = new ArrayList<>();
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
        for (DebuggerBackend b : backends) {
            try {
                b.close();
            } catch (RuntimeException ignored) {
                // closing is best effort; the session is over
            }
        }
    }
}
