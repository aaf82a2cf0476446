package dev.ddx.pattern;

import dev.ddx.model.CounterSeries;
import dev.ddx.model.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Memory leak: resident memory ({@code rss}) or bytes held by an allocation site ({@code alloc})
 * grow steadily and significantly while observed (at least 1 MiB and 10% for rss; 64 KiB and 10%
 * for an allocation site).
 */
public final class MemoryLeakDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "memory-leak";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        List<Evidence> ev = new ArrayList<>();
        String what = "";
        for (CounterSeries c : s.counters()) {
            boolean rss = c.name().equals("rss");
            if (!rss && !c.name().equals("alloc")) continue;
            Growth g = Growth.of(c);
            if (!g.steady() || !g.significant(rss ? 1 << 20 : 64 << 10, 0.10)) continue;
            ev.add(Evidence.of(c.name() + " of " + c.subject() + " grew from " + bytes(c.first()) + " to "
                    + bytes(c.last()) + " in " + seconds(c) + " (" + g.upSteps() + " of " + g.steps()
                    + " samples up, " + bytes(g.perSecond()) + "/s)", EvidenceSource.counters(s, c.name())));
            if (what.isEmpty()) what = (rss ? "resident memory" : "allocation site " + c.subject())
                    + " grows " + bytes(g.perSecond()) + "/s";
        }
        if (ev.isEmpty()) return List.of();
        return List.of(new Finding("memory-leak", "Memory leak: " + what, 0.8, ev));
    }

    static String bytes(double b) {
        if (Math.abs(b) >= 1 << 30) return String.format("%.1f GiB", b / (1 << 30));
        if (Math.abs(b) >= 1 << 20) return String.format("%.1f MiB", b / (1 << 20));
        if (Math.abs(b) >= 1 << 10) return String.format("%.1f KiB", b / (1 << 10));
        return String.format("%.0f B", b);
    }

    static String seconds(CounterSeries c) {
        return String.format("%.1f s", c.spanMillis() / 1000.0);
    }
}
