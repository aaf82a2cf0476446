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

    private static boolean later(ShapeStats a, ShapeStats b) {
        if (a.lastSeen != null && b.lastSeen != null) return a.lastSeen.isAfter(b.lastSeen);
        return a.last().file().equals(b.last().file()) && a.last().last() > b.last().last();
    }
}
