package dev.ddx.report;

import dev.ddx.analysis.Analysis;
import dev.ddx.analysis.Culprit;
import dev.ddx.analysis.NextCommand;
import dev.ddx.model.InputInfo;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.pattern.Finding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a summary shows, for every kind of incident (native, Python, JVM and Windows dumps):
 * the renderers only lay it out. Built from an {@link Analysis} by {@link #of(Analysis)}.
 *
 * @param target       the process examined
 * @param input        what was read, and what could not be parsed
 * @param headline     one or two sentences: what happened, where
 * @param findings     most important first
 * @param crash        the signal or exception and where it hit, for a crash
 * @param culprit      the culprit frame with its source context, locals and the bad pointer
 * @param threads      every thread, in the order the source listed them
 * @param threadGroups threads grouped by identical stack, largest group first
 * @param signature    the incident's stable signature
 * @param nextCommands the debugger commands worth running next
 */
public record IncidentReport(
        TargetProcess target,
        InputInfo input,
        String headline,
        List<Finding> findings,
        Optional<CrashView> crash,
        Optional<CulpritView> culprit,
        List<TargetThread> threads,
        List<ThreadGroup> threadGroups,
        String signature,
        List<NextCommand> nextCommands) {

    public IncidentReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(headline, "headline");
        findings = List.copyOf(findings);
        Objects.requireNonNull(crash, "crash");
        Objects.requireNonNull(culprit, "culprit");
        threads = List.copyOf(threads);
        threadGroups = List.copyOf(threadGroups);
        Objects.requireNonNull(signature, "signature");
        nextCommands = List.copyOf(nextCommands);
    }

    /** The report for an analysis; reads the culprit's source file for context when it is readable. */
    public static IncidentReport of(Analysis a) {
        Optional<CrashView> crash = CrashView.of(a.snapshot());
        Optional<CulpritView> culprit = a.culprit().map((Culprit c) -> CulpritView.of(a.snapshot(), c));
        return new IncidentReport(a.snapshot().process(), a.snapshot().input(), Headline.of(a, crash),
                a.findings(), crash, culprit, a.snapshot().threads(), ThreadGroup.of(a.snapshot()), a.signature(),
                a.nextCommands());
    }
}
