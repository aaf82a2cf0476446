package dev.ddx.pattern;

import dev.ddx.model.CounterSeries;
import dev.ddx.model.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Handle leak: open file descriptors ({@code fds}) or threads ({@code threads}) grow steadily while
 * observed (at least 8 more, and 20% more than at the start).
 */
public final class HandleLeakDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "handle-leak";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        List<Evidence> ev = new ArrayList<>();
        String what = "";
        for (CounterSeries c : s.counters()) {
            boolean fds = c.name().equals("fds");
            if (!fds && !c.name().equals("threads")) continue;
            Growth g = Growth.of(c);
            if (!g.steady() || !g.significant(8, 0.20)) continue;
            String noun = fds ? "open file descriptors" : "threads";
            // a subject other than "process" is where they are created (the pdb driver records it)
            if (!c.subject().equals("process")) noun += " " + (fds ? "opened" : "started") + " at " + c.subject();
            ev.add(Evidence.of(noun + " grew from " + (long) c.first() + " to " + (long) c.last() + " in "
                    + MemoryLeakDetector.seconds(c) + " (" + g.upSteps() + " of " + g.steps() + " samples up, "
                    + String.format("%.1f", g.perSecond()) + "/s)", EvidenceSource.counters(s, c.name())));
            if (what.isEmpty()) what = noun + " grow " + String.format("%.1f", g.perSecond()) + "/s";
        }
        if (ev.isEmpty()) return List.of();
        return List.of(new Finding("handle-leak", "Handle leak: " + what, 0.8, ev));
    }
}
