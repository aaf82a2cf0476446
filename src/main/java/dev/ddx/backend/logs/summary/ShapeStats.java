package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.read.Levels;
import dev.ddx.backend.logs.read.NumberParser;

import java.time.Instant;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

/** What the summary keeps per shape while streaming: counts, levels, first/last, numbers, rate. */
final class ShapeStats {
    long count;
    /** Events per normalised level, by {@link Levels#nameIndex}; other level words (none from ddx's readers) in {@link #otherLevels}. */
    private final long[] byRank = new long[Levels.NAMES.size()];
    private Map<String, Long> otherLevels;
    /** Where and when its events were. */
    final Occurrences all = new Occurrences();
    TimeHistogram rate;
    /** Whether the shape's literal tokens may name an exception: 0 not known yet, 1 no, 2 yes (see SummaryBuilder#mayHold). */
    byte literalsMayHold;
    /** Per parameter position (the n-th {@code <*>}), the numbers seen there, or null. */
    Track[] numbers;
    /** Where and when the shape was logged at its worst level, when that is WARN or worse; else null. */
    Occurrences worst;
    /** That level's rank ({@link Levels#nameIndex}). */
    int worstRank;

    /** The rank ({@link Levels#nameIndex}) of WARN: events at it or worse are problems. */
    static final int WARN = Levels.nameIndex("WARN");

    /** The numbers of one parameter position. */
    static final class Track {
        final SeriesSampler sampler = new SeriesSampler();
        String unit = "";
        /** A non-number was seen here: not a series. */
        boolean dead;
    }

    /** Counts an event of this shape whose first message line is {@code text[from, to)}. */
    void add(String file, int firstLine, int lastLine, String level, int levelIndex, Optional<Instant> time, String text,
             int from, int to) {
        count++;
        countLevel(level, levelIndex, 1);
        all.note(file, firstLine, lastLine, time, text, from, to);
        Occurrences w = levelIndex >= WARN ? worstAt(levelIndex) : null;
        if (w != null) w.note(file, firstLine, lastLine, time, text, from, to);
    }

    /** The record of events at the level of this rank when it is the worst seen (a worse one starts it again), else null. */
    private Occurrences worstAt(int rank) {
        if (worst == null || rank > worstRank) {
            worst = new Occurrences();
            worstRank = rank;
        }
        return rank == worstRank ? worst : null;
    }

    /** Events at the level whose {@link Levels#nameIndex} is {@code rank}. */
    long countAt(int rank) {
        return byRank[rank];
    }

    /** Counts n events of a level whose {@link Levels#nameIndex} is {@code index}. */
    private void countLevel(String level, int index, long n) {
        if (index >= 0) {
            byRank[index] += n;
        } else {
            if (otherLevels == null) otherLevels = new TreeMap<>();
            otherLevels.merge(level, n, Long::sum);
        }
    }

    /** Events per level word, in the order of the words. */
    Map<String, Long> levels() {
        Map<String, Long> m = otherLevels == null ? new TreeMap<>() : new TreeMap<>(otherLevels);
        for (int r = 0; r < byRank.length; r++) if (byRank[r] > 0) m.put(Levels.NAMES.get(r), byRank[r]);
        return m;
    }

    /**
     * Counts the numbers at the shape's parameter positions ({@code <*>} in its masked tokens; the
     * value is what stands there, without the token's kept prefix and suffix).
     */
    void addNumbers(Optional<Instant> time, int line, String file, dev.ddx.backend.logs.mine.Shape shape,
                    dev.ddx.backend.logs.mine.Tokens tokens, int maxTracks, int[] tracksInUse) {
        if (time.isEmpty() || shape.size() != tokens.size()) return;
        int params = shape.wildcards();
        if (numbers == null && params > 0) numbers = new Track[params];
        for (int k = 0; k < params; k++) {
            int i = shape.param(k);
            int w = shape.wildcard(i);
            Track t = numbers[k];
            if (t == null) {
                if (tracksInUse[0] >= maxTracks) continue;
                t = numbers[k] = new Track();
                tracksInUse[0]++;
            }
            if (t.dead) continue;
            String v = tokens.text();
            double value;
            if (tokens.digitRun(i)) { // a bare <*> of digits: no unit, and the value read without the general checks
                if (t.sampler.count() == 0) t.unit = "";
                value = NumberParser.ofDigits(v, tokens.start(i), tokens.end(i));
            } else {
                int suffix = shape.token(i).length() - w - dev.ddx.backend.logs.mine.TokenMasker.WILDCARD.length();
                boolean inner = tokens.length(i) >= w + suffix; // the value without the token's kept prefix and suffix
                int from = tokens.start(i) + (inner ? w : 0);
                int to = tokens.end(i) - (inner ? suffix : 0);
                if (t.sampler.count() == 0) {
                    NumberParser.Value first = NumberParser.parse(v, from, to);
                    if (first != null) t.unit = first.unit();
                }
                value = NumberParser.value(v, from, to);
            }
            if (Double.isNaN(value)) {
                t.dead = true;
                continue;
            }
            t.sampler.add(time.get(), value, line, file);
        }
    }

    /**
     * Adds what a later chunk of the same input saw of this shape, its line numbers moved by
     * {@code lineOffset}. A rate histogram is started here, from {@code rateOrigin}, only when that is not null.
     */
    void addAll(ShapeStats later, int lineOffset, Instant rateOrigin, int maxTracks, int[] tracksInUse) {
        count += later.count;
        for (int r = 0; r < byRank.length; r++) byRank[r] += later.byRank[r];
        if (later.otherLevels != null) later.otherLevels.forEach((l, n) -> countLevel(l, -1, n)); // none of the names
        all.addLater(later.all, lineOffset);
        Occurrences w = later.worst == null ? null : worstAt(later.worstRank);
        if (w != null) w.addLater(later.worst, lineOffset);
        if (later.rate != null && rate == null && rateOrigin != null) rate = new TimeHistogram(rateOrigin);
        if (later.rate != null && rate != null) rate.addAll(later.rate);
        if (later.numbers == null) return;
        if (numbers == null) numbers = new Track[later.numbers.length];
        for (int k = 0; k < later.numbers.length && k < numbers.length; k++) {
            Track o = later.numbers[k];
            if (o == null) continue;
            Track t = numbers[k];
            if (t == null) {
                if (tracksInUse[0] >= maxTracks) continue;
                t = numbers[k] = new Track();
                tracksInUse[0]++;
            }
            if (t.dead) continue;
            if (t.sampler.count() == 0) t.unit = o.unit;
            t.sampler.addAll(o.sampler, lineOffset);
            t.dead = o.dead;
        }
    }
}
