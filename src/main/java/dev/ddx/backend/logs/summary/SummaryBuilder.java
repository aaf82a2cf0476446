package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.LogSummary;
import dev.ddx.backend.logs.mine.Shape;
import dev.ddx.backend.logs.mine.Template;
import dev.ddx.backend.logs.mine.TemplateMiner;
import dev.ddx.backend.logs.mine.Tokens;
import dev.ddx.backend.logs.read.EventView;
import dev.ddx.backend.logs.read.ExceptionParser;
import dev.ddx.backend.logs.read.Levels;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LineRange;
import dev.ddx.model.LogEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a {@link LogSummary} from a stream of events in bounded memory: per-shape counters
 * (bounded by the miner's shape table), per-level and per-shape time histograms of fixed size,
 * thinned numeric series and a capped table of exception groups. Mining happens once, at the end.
 */
public final class SummaryBuilder {
    static final int MAX_RATE_SHAPES = 4000;
    static final int MAX_NUMBER_TRACKS = 2000;
    static final int MAX_EXCEPTION_GROUPS = 500;

    private final TemplateMiner miner;
    /** Per shape, by {@link Shape#order()} (the miner numbers its shapes 0, 1, 2…): a list, not a map, on the per-line path. */
    private final List<ShapeStats> stats = new ArrayList<>();
    private final Map<String, TimeHistogram> levelRate = new TreeMap<>();
    private final ExceptionTable exceptions = new ExceptionTable(MAX_EXCEPTION_GROUPS);
    private final int[] tracksInUse = new int[1];
    private Instant origin;
    private Instant start;
    private Instant end;
    private long events;
    private long lines;
    private int rateShapes;
    /**
     * The histograms of {@link #levelRate} of the six levels and of no level, by {@link Levels#nameIndex}:
     * found without a map lookup (three lines in four of a busy service's log change level).
     */
    private final TimeHistogram[] rateByRank = new TimeHistogram[Levels.NAMES.size()];
    /** The tokens of the view being taken (filled again for each: the miner and the statistics only read them). */
    private final Tokens viewTokens = Tokens.reusable();

    public SummaryBuilder(TemplateMiner miner) {
        this.miner = miner;
    }

    /**
     * A builder for one chunk of a larger input, whose time histograms start at the input's first
     * time (null when not known yet), so that {@link #addAll} can add them up exactly.
     */
    public SummaryBuilder(TemplateMiner miner, Instant origin) {
        this.miner = miner;
        this.origin = origin;
    }

    /** The first time seen (where the time histograms start), or null before any. */
    public Instant origin() {
        return origin;
    }

    /**
     * Adds what a builder saw of the lines that follow everything this one took (the next chunk of
     * the same input, or another input), its line numbers moved by {@code lineOffset}: counts,
     * shapes in the order they were first seen, histograms, series and exceptions, as if this
     * builder had read those events itself (thinned series may keep other points).
     */
    public void addAll(SummaryBuilder later, int lineOffset) {
        events += later.events;
        lines += later.lines;
        if (later.start != null && (start == null || later.start.isBefore(start))) start = later.start;
        if (later.end != null && (end == null || later.end.isAfter(end))) end = later.end;
        if (origin == null) origin = later.origin;
        for (Shape local : later.miner.shapes()) {
            Shape shape = miner.adopt(local);
            ShapeStats part = later.statsOf(local, false);
            if (part == null) continue;
            ShapeStats s = statsOf(shape, true);
            boolean rate = s.rate == null && part.rate != null && rateShapes < MAX_RATE_SHAPES;
            if (rate) rateShapes++;
            s.addAll(part, lineOffset, rate ? origin : null, MAX_NUMBER_TRACKS, tracksInUse);
        }
        later.levelRate.forEach((level, h) -> levelRate.computeIfAbsent(level, k -> new TimeHistogram(origin)).addAll(h));
        exceptions.addAll(later.exceptions, lineOffset);
    }

    public TemplateMiner miner() {
        return miner;
    }

    /** An event with the work that needs no shared state done: its first line and that line's tokens. */
    public record Prepared(LogEvent event, String headline, Tokens tokens) {
    }

    /** The stateless part of {@link #accept(Prepared)}: an event's first line and its tokens; safe on any thread. */
    public static Prepared prepare(LogEvent e) {
        String headline = TemplateMiner.headline(e.message());
        return new Prepared(e, headline, Tokens.of(headline));
    }

    /** Takes one prepared event. */
    public void accept(Prepared p) {
        LogEvent e = p.event();
        String headline = p.headline();
        if (add(e.file(), e.firstLine(), e.lastLine(), e.time(), e.level(), headline, 0, headline.length(), miner.add(p.tokens(), 1),
                p.tokens(), headline.length() < e.message().length())) {
            exception(e.message(), e.lines(), e.time());
        }
    }

    /** Takes one event as a reader's view of it: the fast way, as its fields are read in place. */
    public void accept(EventView v) {
        String text = v.text();
        int from = v.contentStart();
        int to = v.contentEnd();
        Optional<Instant> time = v.time();
        Shape shape = miner.add(text, v.asciiBytes(), from, to, viewTokens);
        if (add(v.file(), v.firstLine(), v.lastLine(), time, v.level(), text, from, to, shape, viewTokens, v.folded())) {
            exception(v.message(), new LineRange(v.file(), v.firstLine(), v.lastLine()), time);
        }
    }

    /**
     * Counts an event of the shape whose first message line is {@code text[from, to)} (in tokens), with
     * lines {@code folded} into it or not (they may share its number, as a JSON object's trace does);
     * true when it may hold an exception.
     */
    private boolean add(String file, int first, int last, Optional<Instant> time, String level, String text, int from, int to,
                        Shape shape, Tokens tokens, boolean folded) {
        events++;
        lines += last - first + 1;
        ShapeStats s = statsOf(shape, true);
        int levelIndex = Levels.nameIndex(level);
        s.add(file, first, last, level, levelIndex, time, text, from, to);
        if (time.isPresent()) time(time.get(), level, levelIndex, s);
        s.addNumbers(time, first, file, shape, tokens, MAX_NUMBER_TRACKS, tracksInUse);
        return folded || mayHold(s, shape, tokens, text, from, to);
    }

    /**
     * {@link ExceptionParser#mayHold} of the message {@code text[from, to)}, mostly from its shape:
     * when the shape's literal tokens are the message's and name no exception, only the message's
     * value tokens need looking at (a word of it lies inside one token, or "Caused by" across two).
     */
    private boolean mayHold(ShapeStats s, Shape shape, Tokens tokens, String text, int from, int to) {
        if (!miner.lastExact() || shape.size() != tokens.size()) return ExceptionParser.mayHold(text, from, to);
        if (s.literalsMayHold == 0) {
            String key = shape.key();
            s.literalsMayHold = ExceptionParser.mayHoldPart(key, 0, key.length()) ? (byte) 2 : 1;
        }
        if (s.literalsMayHold == 2) return ExceptionParser.mayHold(text, from, to);
        for (int k = 0; k < shape.wildcards(); k++) {
            int i = shape.param(k);
            if (!tokens.digitRun(i) && ExceptionParser.mayHoldPart(tokens.text(), tokens.start(i), tokens.end(i))) { // digits name nothing
                return ExceptionParser.mayHold(text, from, to);
            }
        }
        return false;
    }

    /** The statistics of a shape of this builder's miner; made when {@code make}, else null when it has none yet. */
    private ShapeStats statsOf(Shape shape, boolean make) {
        int i = (int) shape.order();
        while (make && stats.size() <= i) stats.add(null);
        ShapeStats s = i < stats.size() ? stats.get(i) : null;
        if (s == null && make) stats.set(i, s = new ShapeStats());
        return s;
    }

    /** Counts the exception in an event's text, if any: built in full only when it is the first of its kind. */
    private void exception(String message, LineRange at, Optional<Instant> time) {
        Optional<ExceptionParser.Signature> signature = ExceptionParser.signature(message);
        if (signature == null) {
            ExceptionParser.parse(message).ifPresent(info -> exceptions.add(info, at, time));
        } else if (signature.isPresent()) {
            exceptions.add(signature.get(), () -> ExceptionParser.parse(message), at, time);
        }
    }

    private void time(Instant t, String level, int levelIndex, ShapeStats s) {
        if (origin == null) origin = t;
        if (start == null || t.isBefore(start)) start = t;
        if (end == null || t.isAfter(end)) end = t;
        long millis = t.toEpochMilli();
        levelHistogram(level, levelIndex).add(millis, 1);
        if (s.rate == null && rateShapes < MAX_RATE_SHAPES) {
            s.rate = new TimeHistogram(origin);
            rateShapes++;
        }
        if (s.rate != null) s.rate.add(millis, 1);
    }

    /** The time histogram of a level (whose {@link Levels#nameIndex} is {@code index}), made when it has none yet. */
    private TimeHistogram levelHistogram(String level, int index) {
        TimeHistogram h = index >= 0 ? rateByRank[index] : null;
        if (h == null) {
            h = levelRate.computeIfAbsent(level, k -> new TimeHistogram(origin));
            if (index >= 0) rateByRank[index] = h;
        }
        return h;
    }

    /** Mines the templates and assembles the summary. */
    public LogSummary build(List<SourceStat> sources, List<String> notes) {
        List<Template> templates = miner.mine();
        Map<Template, List<Map.Entry<Shape, ShapeStats>>> byTemplate = new LinkedHashMap<>();
        for (Template t : templates) byTemplate.put(t, new ArrayList<>());
        for (Shape shape : miner.shapes()) {
            ShapeStats st = statsOf(shape, false);
            if (st != null) byTemplate.get(shape.template()).add(Map.entry(shape, st));
        }
        List<TemplateStat> all = new ArrayList<>();
        List<TemplateStat> atWorst = new ArrayList<>();
        byTemplate.forEach((t, shapes) -> {
            if (shapes.isEmpty()) return;
            TemplateStat whole = TemplateStats.merge(t, shapes);
            all.add(whole);
            if (Levels.isProblem(whole.level())) atWorst.add(TemplateStats.atWorst(whole, shapes));
            else if (whole.level().isEmpty()) LevelWords.of(whole.template()).ifPresent(w -> atWorst.add(whole.at(w.level(), w.word())));
        });
        all.sort(Comparator.comparingLong(TemplateStat::count).reversed().thenComparing(TemplateStat::id, TemplateStats.ID_ORDER));
        List<TemplateStat> problems = atWorst.stream()
                .sorted(Comparator.comparingInt((TemplateStat t) -> -Levels.rank(t.level()))
                        .thenComparing(Comparator.comparingLong(TemplateStat::count).reversed())
                        .thenComparing(TemplateStat::id, TemplateStats.ID_ORDER))
                .limit(20).toList();
        Map<String, Long> levels = new TreeMap<>(Levels.WORST_FIRST);
        all.forEach(t -> t.levels().forEach((l, c) -> levels.merge(l, c, Long::sum)));
        long width = levelRate.values().stream().mapToLong(TimeHistogram::widthMillis).max().orElse(1000);
        return new LogSummary(sources, lines, events, Optional.ofNullable(start), Optional.ofNullable(end), levels,
                width, LevelTimeline.of(levelRate, width), templates.size(), all.stream().limit(20).toList(), problems,
                exceptions.groups(), SeriesFinder.find(byTemplate), BurstFinder.find(byTemplate), withTableNote(notes));
    }

    /** The notes, and one saying so when messages were counted under a shape not exactly theirs. */
    private List<String> withTableNote(List<String> notes) {
        if (miner.approximated() == 0) return notes;
        List<String> out = new ArrayList<>(notes);
        out.add("the template table filled up at " + miner.maxShapes() + " message forms: " + miner.approximated()
                + " later messages of new forms were counted under the nearest template, with the words where they differ as <*>");
        return out;
    }
}
