package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.read.Levels;
import dev.ddx.backend.logs.read.NumberParser;
import dev.ddx.model.LineRange;
import dev.ddx.model.LogEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the summary keeps per shape while streaming: counts, levels, first/last, numbers, rate. */
final class ShapeStats {
    long count;
    final Map<String, Long> levels = new TreeMap<>();
    Instant firstSeen;
    Instant lastSeen;
    LineRange first;
    LineRange last;
    String example;
    TimeHistogram rate;
    /** parameter index → the numbers seen there; null once a non-number was seen. */
    Map<Integer, Track> numbers;

    /** The numbers of one parameter position. */
    static final class Track {
        final SeriesSampler sampler = new SeriesSampler();
        String unit = "";
        boolean dead;
    }

    void add(LogEvent e, String headline) {
        count++;
        levels.merge(e.level(), 1L, Long::sum);
        if (first == null) {
            first = e.lines();
            example = headline.length() > 300 ? headline.substring(0, 300) : headline;
        }
        last = e.lines();
        e.time().ifPresent(t -> {
            if (firstSeen == null || t.isBefore(firstSeen)) firstSeen = t;
            if (lastSeen == null || t.isAfter(lastSeen)) lastSeen = t;
        });
    }

    void addNumbers(LogEvent e, List<String> params, int maxTracks, int[] tracksInUse) {
        if (params.isEmpty() || e.time().isEmpty()) return;
        if (numbers == null) numbers = new HashMap<>();
        for (int i = 0; i < params.size(); i++) {
            Track t = numbers.get(i);
            if (t == null) {
                if (tracksInUse[0] >= maxTracks) continue;
                t = new Track();
                numbers.put(i, t);
                tracksInUse[0]++;
            }
            if (t.dead) continue;
            NumberParser.Value v = NumberParser.parse(params.get(i));
            if (v == null) {
                t.dead = true;
                continue;
            }
            if (t.sampler.count() == 0) t.unit = v.unit();
            t.sampler.add(new SeriesSampler.Point(e.time().get(), v.value(), e.firstLine(), e.file()));
        }
    }

    /**
     * Adds what a later chunk of the same input saw of this shape, its line numbers moved by
     * {@code lineOffset}. A rate histogram is started here, from {@code rateOrigin}, only when that is not null.
     */
    void addAll(ShapeStats later, int lineOffset, Instant rateOrigin, int maxTracks, int[] tracksInUse) {
        count += later.count;
        later.levels.forEach((l, n) -> levels.merge(l, n, Long::sum));
        if (first == null && later.first != null) {
            first = moved(later.first, lineOffset);
            example = later.example;
        }
        if (later.last != null) last = moved(later.last, lineOffset);
        if (later.firstSeen != null && (firstSeen == null || later.firstSeen.isBefore(firstSeen))) firstSeen = later.firstSeen;
        if (later.lastSeen != null && (lastSeen == null || later.lastSeen.isAfter(lastSeen))) lastSeen = later.lastSeen;
        if (later.rate != null && rate == null && rateOrigin != null) rate = new TimeHistogram(rateOrigin);
        if (later.rate != null && rate != null) rate.addAll(later.rate);
        if (later.numbers == null) return;
        if (numbers == null) numbers = new HashMap<>();
        for (Map.Entry<Integer, Track> e : later.numbers.entrySet()) {
            Track o = e.getValue();
            Track t = numbers.get(e.getKey());
            if (t == null) {
                if (tracksInUse[0] >= maxTracks) continue;
                t = new Track();
                t.unit = o.unit;
                numbers.put(e.getKey(), t);
                tracksInUse[0]++;
            }
            if (t.dead) continue;
            if (t.sampler.count() == 0) t.unit = o.unit;
            t.sampler.addAll(o.sampler, lineOffset);
            t.dead = o.dead;
        }
    }

    static LineRange moved(LineRange r, int lineOffset) {
        return lineOffset == 0 ? r : new LineRange(r.file(), r.first() + lineOffset, r.last() + lineOffset);
    }

    String worstLevel() {
        String worst = "";
        for (String l : levels.keySet()) if (Levels.rank(l) > Levels.rank(worst)) worst = l;
        return worst;
    }
}
