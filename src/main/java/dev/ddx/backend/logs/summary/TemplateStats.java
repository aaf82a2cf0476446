package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.mine.Shape;
import dev.ddx.backend.logs.mine.Template;
import dev.ddx.backend.logs.read.Levels;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Merges the per-shape counters of one template. */
final class TemplateStats {
    /** T2 before T10. */
    static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length).thenComparing(s -> s);

    private TemplateStats() {
    }

    static TemplateStat merge(Template t, List<Map.Entry<Shape, ShapeStats>> shapes) {
        long count = 0;
        Map<String, Long> levels = new TreeMap<>(Levels.WORST_FIRST);
        Instant firstSeen = null;
        Instant lastSeen = null;
        ShapeStats head = shapes.get(0).getValue();
        ShapeStats tail = head;
        for (Map.Entry<Shape, ShapeStats> e : shapes) {
            ShapeStats s = e.getValue();
            count += s.count;
            s.levels().forEach((l, c) -> levels.merge(l, c, Long::sum));
            if (s.firstSeen != null && (firstSeen == null || s.firstSeen.isBefore(firstSeen))) firstSeen = s.firstSeen;
            if (s.lastSeen != null && (lastSeen == null || s.lastSeen.isAfter(lastSeen))) lastSeen = s.lastSeen;
            if (later(s, tail)) tail = s;
        }
        String worst = "";
        for (String l : levels.keySet()) if (Levels.rank(l) > Levels.rank(worst)) worst = l;
        return new TemplateStat(t.id(), t.text(), worst, count, levels, Optional.ofNullable(firstSeen),
                Optional.ofNullable(lastSeen), head.first, tail.last(), head.example);
    }

    /**
     * A problem template ({@link #merge} gave it a level of WARN or worse) as seen at that level: its
     * events at that level, the first and last of them and their times, and the first one's message.
     * A template logged now at INFO and now at ERROR is an error that many times, not as often as it
     * was logged at all. Its levels stay all of them.
     */
    static TemplateStat atWorst(TemplateStat whole, List<Map.Entry<Shape, ShapeStats>> shapes) {
        int rank = Levels.nameIndex(whole.level());
        long count = 0;
        ShapeStats.AtLevel head = null;
        ShapeStats.AtLevel tail = null;
        Instant firstSeen = null;
        Instant lastSeen = null;
        for (Map.Entry<Shape, ShapeStats> e : shapes) {
            ShapeStats.AtLevel w = e.getValue().worst;
            if (w == null || w.rank != rank) continue;
            count += e.getValue().countAt(rank);
            if (head == null || before(w.firstSeen, w.first, head.firstSeen, head.first)) head = w;
            if (tail == null || before(tail.lastSeen, tail.last(), w.lastSeen, w.last())) tail = w;
            if (w.firstSeen != null && (firstSeen == null || w.firstSeen.isBefore(firstSeen))) firstSeen = w.firstSeen;
            if (w.lastSeen != null && (lastSeen == null || w.lastSeen.isAfter(lastSeen))) lastSeen = w.lastSeen;
        }
        if (head == null) return whole; // not expected: every event at WARN or worse is noted by its shape
        return new TemplateStat(whole.id(), whole.template(), whole.level(), count, whole.levels(), Optional.ofNullable(firstSeen),
                Optional.ofNullable(lastSeen), head.first, tail.last(), head.example);
    }

    /** Whether an event at time {@code ta} (may be null) and lines {@code a} came before one at {@code tb} and {@code b}. */
    private static boolean before(Instant ta, dev.ddx.model.LineRange a, Instant tb, dev.ddx.model.LineRange b) {
        if (ta != null && tb != null && !ta.equals(tb)) return ta.isBefore(tb);
        return a.file().equals(b.file()) && a.first() < b.first();
    }

    private static boolean later(ShapeStats a, ShapeStats b) {
        if (a.lastSeen != null && b.lastSeen != null) return a.lastSeen.isAfter(b.lastSeen);
        return a.last().file().equals(b.last().file()) && a.last().last() > b.last().last();
    }
}
