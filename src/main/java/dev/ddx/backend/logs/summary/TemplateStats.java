package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.mine.Shape;
import dev.ddx.backend.logs.mine.Template;
import dev.ddx.backend.logs.read.Levels;

import dev.ddx.model.LineRange;

import java.time.Instant;
import java.util.ArrayList;
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
        List<Occurrences> occurrences = new ArrayList<>();
        for (Map.Entry<Shape, ShapeStats> e : shapes) {
            ShapeStats s = e.getValue();
            count += s.count;
            s.levels().forEach((l, c) -> levels.merge(l, c, Long::sum));
            occurrences.add(s.all);
        }
        String worst = "";
        for (String l : levels.keySet()) if (Levels.rank(l) > Levels.rank(worst)) worst = l;
        // shapes come in the order they were first seen: the first one's first event is the template's
        return stat(t.id(), t.text(), worst, count, levels, occurrences, occurrences.get(0));
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
        List<Occurrences> occurrences = new ArrayList<>();
        Occurrences head = null;
        for (Map.Entry<Shape, ShapeStats> e : shapes) {
            ShapeStats s = e.getValue();
            if (s.worst == null || s.worstRank != rank) continue;
            count += s.countAt(rank);
            occurrences.add(s.worst);
            if (head == null || before(s.worst.firstSeen, s.worst.first, head.firstSeen, head.first)) head = s.worst;
        }
        if (head == null) return whole; // not expected: every event at WARN or worse is noted by its shape
        return stat(whole.id(), whole.template(), whole.level(), count, whole.levels(), occurrences, head);
    }

    /** A template's figures, its first event {@code head}'s, its last event the latest of {@code occurrences}', and their times. */
    private static TemplateStat stat(String id, String template, String level, long count, Map<String, Long> levels,
                                     List<Occurrences> occurrences, Occurrences head) {
        Occurrences tail = occurrences.get(0);
        Instant firstSeen = null;
        Instant lastSeen = null;
        for (Occurrences o : occurrences) {
            if (before(tail.lastSeen, tail.last(), o.lastSeen, o.last())) tail = o;
            if (o.firstSeen != null && (firstSeen == null || o.firstSeen.isBefore(firstSeen))) firstSeen = o.firstSeen;
            if (o.lastSeen != null && (lastSeen == null || o.lastSeen.isAfter(lastSeen))) lastSeen = o.lastSeen;
        }
        return new TemplateStat(id, template, level, count, levels, Optional.ofNullable(firstSeen), Optional.ofNullable(lastSeen),
                head.first, tail.last(), head.example, "");
    }

    /**
     * Whether an event at time {@code ta} (may be null) and lines {@code a} came before one at {@code tb}
     * and {@code b}: by their times when they differ, else by their lines within one file.
     */
    private static boolean before(Instant ta, LineRange a, Instant tb, LineRange b) {
        if (ta != null && tb != null && !ta.equals(tb)) return ta.isBefore(tb);
        return a.file().equals(b.file()) && a.first() < b.first();
    }
}
