package dev.ddx.backend.logs;

import dev.ddx.backend.logs.mine.Shape;
import dev.ddx.backend.logs.mine.Template;
import dev.ddx.backend.logs.mine.TemplateMiner;
import dev.ddx.backend.logs.mine.Tokens;
import dev.ddx.backend.logs.read.EventReader;
import dev.ddx.backend.logs.read.HeaderSpec;
import dev.ddx.backend.logs.source.Compression;
import dev.ddx.backend.logs.source.FileSource;
import dev.ddx.backend.logs.source.LogSource;
import dev.ddx.backend.logs.source.MemorySource;
import dev.ddx.backend.logs.source.SourceResolver;
import dev.ddx.backend.logs.summary.SourceStat;
import dev.ddx.backend.logs.summary.SummaryBuilder;
import dev.ddx.error.TargetUnreadableException;
import dev.ddx.error.UsageException;
import dev.ddx.model.LogEvent;
import dev.ddx.pattern.Finding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The logs of one incident, opened once and asked many things: the summary, a search, the
 * events with their templates, the findings. This is the API {@code ddx logs} and the
 * conversation's log tools use; its methods are stable.
 *
 * <p>Open with {@link #open(List, LogOptions)}: names are files (plain, gzip, xz or bzip2), globs, or
 * {@code -} for stdin (spooled to a temporary file so it can be read again); remote sources come
 * in {@link LogOptions#remote()}. Names that match nothing are listed in {@link #missing()}, and
 * files packed in a way ddx does not unpack in {@link #refused()}; neither stops the others. The
 * first call of {@link #summary()} reads every source once in bounded memory and mines templates;
 * later calls reuse it. Methods that return events read the sources again, so memory stays
 * bounded. Not thread-safe.
 */
public final class LogSession implements AutoCloseable {
    private final List<LogSource> sources;
    private final List<String> missing;
    private final List<Compression.Refused> refused;
    private final LogOptions options;
    private final Optional<HeaderSpec> header;
    private final List<Path> spooled = new ArrayList<>();
    private TemplateMiner miner;
    private LogSummary summary;

    private LogSession(List<LogSource> sources, SourceResolver.Resolved resolved, LogOptions options, Optional<HeaderSpec> header) {
        this.sources = sources;
        this.missing = resolved.missing();
        this.refused = resolved.refused();
        this.options = options;
        this.header = header;
    }

    /**
     * Opens the named sources and the options' remote ones.
     *
     * @throws UsageException             when the header spec is malformed or no source exists at all
     * @throws TargetUnreadableException  when stdin or a remote source cannot be read
     */
    public static LogSession open(List<String> names, LogOptions options) {
        Optional<HeaderSpec> header;
        try {
            header = options.header().map(HeaderSpec::parse);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), "write it like \"<Date> <Time> <Level> <Component>: <Content>\"; escape literal brackets as \\[ \\]");
        }
        SourceResolver.Resolved r = SourceResolver.resolve(names, options.stdin());
        if (r.sources().isEmpty() && options.remote().isEmpty()) {
            if (!r.refused().isEmpty()) throw refusal(r.refused(), "");
            throw new UsageException(r.missing().isEmpty() ? "no log sources given"
                    : "no such log file: " + String.join(", ", r.missing()), "give files, globs, - for stdin, or --loki/--es");
        }
        LogSession s = new LogSession(new ArrayList<>(), r, options, header);
        for (LogSource src : r.sources()) s.sources.add(s.rereadable(src));
        for (LogSource src : options.remote()) s.sources.add(s.fetched(src));
        return s;
    }

    private LogSource rereadable(LogSource src) {
        if (src.rereadable()) return src;
        try {
            Path spool = Files.createTempFile("ddx-stdin", ".log");
            spooled.add(spool);
            try (InputStream in = options.stdin()) {
                Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Compression packed = Compression.of(spool);
            if (!packed.readable()) {
                Files.deleteIfExists(spool);
                throw new TargetUnreadableException(packed.refusal("stdin"), packed.unpackInto("FILE"));
            }
            return new FileSource(spool);
        } catch (IOException e) {
            throw new TargetUnreadableException("cannot read stdin: " + e.getMessage(), "");
        }
    }

    private LogSource fetched(LogSource src) {
        try {
            return MemorySource.of(src);
        } catch (IOException e) {
            throw new TargetUnreadableException(src.name() + ": " + e.getMessage(), "check the URL, the query and the credentials");
        }
    }

    /**
     * One line for the files packed in a way ddx does not unpack: the first named, how many more,
     * then {@code suffix}; the hint is the command that unpacks the first.
     */
    public static TargetUnreadableException refusal(List<Compression.Refused> refused, String suffix) {
        String more = refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : "";
        return new TargetUnreadableException(refused.get(0).getMessage() + more + suffix, refused.get(0).hint());
    }

    /** The files named that are packed in a way ddx does not unpack; they are not read. */
    public List<Compression.Refused> refused() {
        return List.copyOf(refused);
    }

    /** The names given that matched no readable file. */
    public List<String> missing() {
        return List.copyOf(missing);
    }

    /** The names of the sources being read, in order. */
    public List<String> sourceNames() {
        return sources.stream().map(this::displayName).toList();
    }

    private String displayName(LogSource s) {
        return s instanceof FileSource f && spooled.contains(f.path()) ? "-" : s.name();
    }

    /** The summary of all sources (read and mined on the first call). */
    public LogSummary summary() {
        if (summary != null) return summary;
        miner = new TemplateMiner(options.maxShapes());
        SummaryBuilder b = new SummaryBuilder(miner);
        List<SourceStat> stats = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        missing.forEach(m -> notes.add("not read: " + m + " (no such file)"));
        refused.forEach(r -> notes.add("not read: " + r.getMessage() + " (" + r.hint() + ")"));
        for (LogSource s : sources) {
            if (s instanceof FileSource f && ChunkedRead.applies(f, options)) readChunked(f, b, stats, notes);
            else read(s, SummaryBuilder::prepare, b::accept, stats, notes);
        }
        summary = b.build(stats, notes);
        return summary;
    }

    /** Every event, with its template and parameters, in input order (sources in order, then lines). */
    public void forEachEvent(Consumer<LogEvent> sink) {
        summary();
        // templates are looked up on the reading thread, beside the sink's work on this one
        for (LogSource s : sources) read(s, this::withTemplate, sink, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * Events whose level, thread, component or message contain the text (case-insensitive) or,
     * when it is a valid regular expression with special characters, match it; at most {@code limit}, in order.
     */
    public List<LogEvent> search(String textOrRegex, int limit) {
        Predicate<String> test = matcher(textOrRegex);
        List<LogEvent> out = new ArrayList<>();
        summary();
        for (LogSource s : sources) {
            if (out.size() >= limit) break;
            read(s, e -> {
                if (out.size() < limit && test.test(e.level() + " " + e.thread() + " " + e.component() + " " + e.message())) {
                    out.add(withTemplate(e));
                }
            }, new ArrayList<>(), new ArrayList<>());
        }
        return out;
    }

    /**
     * Up to about {@code max} events with a time, evenly thinned when there are more, with
     * templates: the material of timelines and sequence diagrams.
     */
    public List<LogEvent> timedEvents(int max) {
        List<LogEvent> out = new ArrayList<>();
        long[] stride = {1};
        long[] seen = {0};
        forEachEvent(e -> {
            if (e.time().isEmpty() || seen[0]++ % stride[0] != 0) return;
            out.add(e);
            if (out.size() >= 2 * max) {
                List<LogEvent> half = new ArrayList<>();
                for (int i = 0; i < out.size(); i += 2) half.add(out.get(i));
                out.clear();
                out.addAll(half);
                stride[0] *= 2;
            }
        });
        return out;
    }

    /**
     * The named numeric series ({@code T4.2}: template T4's second parameter), any template's,
     * in the order asked; names that matched no number are left out.
     */
    public List<dev.ddx.backend.logs.summary.NumericSeries> series(List<String> names) {
        dev.ddx.backend.logs.summary.SeriesCollector c = new dev.ddx.backend.logs.summary.SeriesCollector(names);
        forEachEvent(c::accept);
        return c.series();
    }

    /** The findings of the log detectors over the summary. */
    public List<Finding> findings() {
        return LogDetectors.detect(summary());
    }

    /** The header spec used for each source, as detected or given. */
    public List<String> headers() {
        return summary().sources().stream().map(SourceStat::header).toList();
    }

    private static Predicate<String> matcher(String q) {
        boolean special = q.chars().anyMatch(c -> "\\[](){}.*+?^$|".indexOf(c) >= 0);
        if (special) {
            try {
                Pattern p = Pattern.compile(q, Pattern.CASE_INSENSITIVE);
                return s -> p.matcher(s).find();
            } catch (PatternSyntaxException e) {
                // not a regex: search for the text itself
            }
        }
        String lower = q.toLowerCase(java.util.Locale.ROOT);
        return s -> s.toLowerCase(java.util.Locale.ROOT).contains(lower);
    }

    /** The tokens {@link #withTemplate} reads a message into (on one reading thread at a time). */
    private final Tokens lookup = Tokens.reusable();

    private LogEvent withTemplate(LogEvent e) {
        String headline = TemplateMiner.headline(e.message());
        Shape shape = miner.find(headline, 0, headline.length(), lookup);
        Template t = shape == null ? null : shape.template();
        if (t == null) return e;
        return e.withTemplate(t.id(), t.text(), t.parameters(lookup.list()));
    }

    private void readChunked(FileSource f, SummaryBuilder b, List<SourceStat> stats, List<String> notes) {
        String name = displayName(f);
        try {
            stats.add(note(ChunkedRead.read(f, name, header, options, b, notes), notes));
        } catch (IOException e) {
            stats.add(unread(name, e, notes));
        }
    }

    /** A source that could not be read to its end: a note saying why, and no figures. */
    private static SourceStat unread(String name, IOException e, List<String> notes) {
        notes.add("not read completely: " + name + " (" + e.getMessage() + ")");
        return new SourceStat(name, "", 0, 0, 0, 0);
    }

    private static SourceStat note(SourceStat s, List<String> notes) {
        if (s.skippedBytes() > 0) notes.add(s.name() + ": skipped " + s.skippedBytes() + " bytes of binary data");
        if (s.truncatedLines() > 0) notes.add(s.name() + ": cut " + s.truncatedLines() + " lines longer than 1 MiB");
        return s;
    }

    private void read(LogSource s, Consumer<LogEvent> sink, List<SourceStat> stats, List<String> notes) {
        read(s, e -> e, sink, stats, notes);
    }

    /** Reads one source; {@code prepare} runs on the reading thread, {@code sink} on this one. */
    private <T> void read(LogSource s, java.util.function.Function<LogEvent, T> prepare, Consumer<T> sink,
                          List<SourceStat> stats, List<String> notes) {
        String name = displayName(s);
        try (EventReader r = new EventReader(name, s.open(), header, options.timestamps())) {
            long[] events = {0};
            dev.ddx.backend.logs.read.EventPump.drain(r, prepare, e -> {
                sink.accept(e);
                events[0]++;
            });
            stats.add(note(new SourceStat(name, r.spec().text(), r.lineCount(), events[0], r.skippedBytes(), r.truncatedLines()), notes));
        } catch (IOException e) {
            stats.add(unread(name, e, notes));
        }
    }

    @Override
    public void close() {
        for (Path p : spooled) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
