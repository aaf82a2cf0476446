package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.List;

/**
 * Hang: the whole process makes no progress. Either it was launched and neither finished nor
 * failed in the time allowed, or, attached live, every thread is waiting and some wait on locks
 * that are never released. One busy thread among sleepers is not a hang of the process; a crash
 * is not a hang.
 */
public final class HangDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "hang";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        TargetProcess.ProcessState state = s.process().state();
        WaitForGraph g = WaitForGraph.of(s);
        List<Evidence> ev = new ArrayList<>();
        double confidence;
        if (state == TargetProcess.ProcessState.HUNG) {
            ev.add(Evidence.of("the program neither finished nor failed in the time allowed; it was interrupted",
                    EvidenceSource.process(s)));
            confidence = 0.9;
        } else if (state == TargetProcess.ProcessState.RUNNING && !g.cycles().isEmpty()) {
            ev.add(Evidence.of("threads wait for each other in a lock cycle that can never be released",
                    EvidenceSource.locks(s)));
            confidence = 0.9;
        } else if (state == TargetProcess.ProcessState.RUNNING && allWaiting(s) && !g.isEmpty()) {
            ev.add(Evidence.of("no thread is running and some wait for locks held by threads that are themselves waiting",
                    EvidenceSource.stacks(s)));
            confidence = 0.6;
        } else {
            return List.of();
        }
        ev.add(Evidence.of(stateCounts(s), EvidenceSource.stacks(s)));
        String title = "Hang: " + Stacks.shortModule(s.process().executable())
                + " makes no progress (" + s.threads().size() + " thread" + (s.threads().size() == 1 ? "" : "s") + ")";
        return List.of(new Finding("hang", title, confidence, ev));
    }

    private static boolean allWaiting(Snapshot s) {
        return !s.threads().isEmpty() && s.threads().stream().noneMatch(t -> t.state() == ThreadState.RUNNING);
    }

    private static String stateCounts(Snapshot s) {
        java.util.Map<ThreadState, Integer> n = new java.util.EnumMap<>(ThreadState.class);
        for (TargetThread t : s.threads()) n.merge(t.state(), 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        n.forEach((k, v) -> parts.add(v + " " + k.name().toLowerCase().replace('_', '-')));
        return "thread states: " + (parts.isEmpty() ? "no threads" : String.join(", ", parts));
    }
}
