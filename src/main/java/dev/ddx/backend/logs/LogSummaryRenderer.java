package dev.ddx.backend.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ddx.backend.logs.picture.Sparkline;
import dev.ddx.backend.logs.summary.Burst;
import dev.ddx.backend.logs.summary.ExceptionGroup;
import dev.ddx.backend.logs.summary.LevelBucket;
import dev.ddx.backend.logs.summary.NumericSeries;
import dev.ddx.backend.logs.summary.SourceStat;
import dev.ddx.backend.logs.summary.TemplateStat;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Renders a {@link LogSummary} (and the findings over it) as Markdown for people, JSON for
 * programs, or compact text for a language model (bounded length, most important first).
 */
public final class LogSummaryRenderer {
    /** Made when first needed only (about 0.2 s when the JVM is cold): {@link SummaryJson} writes summaries without it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private LogSummaryRenderer() {
    }

    /**
     * The summary and findings as one JSON object: {@code {"summary": …, "findings": […]}}, as the
     * record {@link #mapper()} writes them (written field by field, which a cold JVM does faster).
     */
    public static String json(LogSummary s, List<Finding> findings) {
        return json(s, () -> findings);
    }

    /** {@link #json(LogSummary, List)} with findings asked for only where they are written, after the summary. */
    public static String json(LogSummary s, Supplier<List<Finding>> findings) {
        return SummaryJson.write(s, findings);
    }

    /** The mapper that defines the JSON form of a summary: records field by field, absent values null, times as ISO-8601 text, indented. */
    static ObjectMapper mapper() {
        return Json.MAPPER;
    }

    /** The summary for people, in Markdown. */
    public static String markdown(LogSummary s, List<Finding> findings) {
        return markdown(s, () -> findings);
    }

    /** {@link #markdown(LogSummary, List)} with findings asked for only where they are written, near the end. */
    public static String markdown(LogSummary s, Supplier<List<Finding>> findings) {
        StringBuilder b = new StringBuilder("# Log summary\n\n");
        for (SourceStat src : s.sources()) {
            b.append("- `").append(src.name()).append("`: ").append(src.lines()).append(" lines, ")
                    .append(src.events()).append(" events, header `").append(src.header()).append("`");
            if (src.skippedBytes() > 0) b.append(", ").append(src.skippedBytes()).append(" bytes of binary data skipped");
            b.append('\n');
        }
        b.append("\n").append(span(s)).append("\n\n");
        levels(b, s);
        problems(b, s.problems());
        exceptions(b, s.exceptions());
        series(b, s.series());
        bursts(b, s.bursts());
        b.append("## Most frequent templates (").append(s.templateCount()).append(" in all)\n\n| id | count | level | template |\n|---|---|---|---|\n");
        for (TemplateStat t : s.topTemplates().subList(0, Math.min(10, s.topTemplates().size()))) {
            b.append("| ").append(t.id()).append(" | ").append(t.count()).append(" | ").append(t.level()).append(" | `")
                    .append(cell(t.template())).append("` |\n");
        }
        findings(b, findings.get());
        if (!s.notes().isEmpty()) {
            b.append("\n## Notes\n\n");
            s.notes().forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    /** A compact plain-text summary for a language model, cut at about {@code maxChars}. */
    public static String text(LogSummary s, List<Finding> findings, int maxChars) {
        StringBuilder b = new StringBuilder();
        b.append(s.events()).append(" events from ").append(s.sources().size()).append(" source(s); ").append(span(s)).append('\n');
        b.append("levels: ");
        s.levels().forEach((l, c) -> b.append(l.isEmpty() ? "none" : l).append('=').append(c).append(' '));
        b.append('\n');
        for (Finding f : findings) {
            b.append("finding ").append(f.patternId()).append(": ").append(f.title());
            f.evidence().stream().findFirst().ifPresent(e -> b.append(" [").append(e.where()).append(']'));
            b.append('\n');
        }
        for (TemplateStat t : s.problems()) {
            b.append(t.level()).append(t.levelFrom().isEmpty() ? "" : " (no level logged; from the word \"" + t.levelFrom() + "\")")
                    .append(' ').append(t.count()).append("x ").append(t.id()).append(" \"").append(t.template())
                    .append("\" first ").append(t.first()).append(" last ").append(t.last()).append('\n');
        }
        for (ExceptionGroup g : s.exceptions()) {
            b.append("exception ").append(String.join(" <- ", g.chain())).append(' ').append(g.count()).append("x at ")
                    .append(g.first()).append(g.topFrames().isEmpty() ? "" : " top " + g.topFrames().get(0)).append('\n');
        }
        for (NumericSeries n : s.series()) {
            b.append("series ").append(n.name()).append(" (").append(n.label()).append(") ").append(CounterFormat.fmt(n.min()))
                    .append("..").append(CounterFormat.fmt(n.max())).append(n.unit()).append(n.rising() ? " rising" : "").append('\n');
        }
        for (Burst u : s.bursts()) b.append("burst ").append(u.templateId()).append(" from ").append(u.start()).append(" peak ").append(u.peak()).append('\n');
        for (TemplateStat t : s.topTemplates()) {
            b.append("template ").append(t.id()).append(' ').append(t.count()).append("x ").append(t.template()).append('\n');
        }
        s.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.length() > maxChars ? b.substring(0, maxChars) + "\n…(cut)" : b.toString();
    }

    static String span(LogSummary s) {
        if (s.start().isEmpty()) return "no timestamps";
        Instant a = s.start().get();
        Instant z = s.end().orElse(a);
        return "from " + a + " to " + z + " (" + human(Duration.between(a, z)) + ")";
    }

    static String human(Duration d) {
        long sec = d.getSeconds();
        if (sec < 120) return sec + "s";
        if (sec < 7200) return (sec / 60) + "m";
        if (sec < 172800) return (sec / 3600) + "h " + (sec % 3600 / 60) + "m";
        return (sec / 86400) + "d " + (sec % 86400 / 3600) + "h";
    }

    private static void levels(StringBuilder b, LogSummary s) {
        b.append("## Levels\n\n```\n");
        long width = s.bucketMillis();
        for (String level : s.levels().keySet()) {
            String name = level.isEmpty() ? "NONE" : level;
            long[] counts = new long[s.timeline().size()];
            for (int i = 0; i < counts.length; i++) {
                LevelBucket lb = s.timeline().get(i);
                counts[i] = lb.counts().getOrDefault(name, 0L);
            }
            b.append(String.format("%-6s %9d  %s%n", name, s.levels().get(level), Sparkline.of(counts, 60)));
        }
        b.append("```\n");
        if (s.timeline().isEmpty()) { // no event had a time: there is no line over time to explain
            b.append('\n');
            return;
        }
        b.append("(one mark per ").append(human(Duration.ofMillis(width * Math.max(1, (s.timeline().size() + 59) / 60))))
                .append(")\n\n");
    }

    private static void problems(StringBuilder b, List<TemplateStat> problems) {
        if (problems.isEmpty()) return;
        b.append("## WARN and worse\n\n| id | level | count | first seen | last seen | first at | template |\n|---|---|---|---|---|---|---|\n");
        boolean inferred = false;
        for (TemplateStat t : problems) {
            inferred |= !t.levelFrom().isEmpty();
            b.append("| ").append(t.id()).append(" | ").append(level(t)).append(" | ").append(t.count()).append(" | ")
                    .append(when(t.firstSeen())).append(" | ").append(when(t.lastSeen())).append(" | ").append(t.first())
                    .append(" | `").append(cell(t.template())).append("` |\n");
        }
        if (inferred) b.append("\n(the log gives these events no level: a level in *italics* is the one the quoted word of the template gives)\n");
        b.append('\n');
    }

    /** The level as logged, or in italics with the word it was taken from. */
    private static String level(TemplateStat t) {
        return t.levelFrom().isEmpty() ? t.level() : "*" + t.level() + "* (\"" + t.levelFrom() + "\")";
    }

    private static void exceptions(StringBuilder b, List<ExceptionGroup> groups) {
        if (groups.isEmpty()) return;
        b.append("## Exceptions\n\n");
        for (ExceptionGroup g : groups) {
            b.append("- **").append(g.exception().type()).append("**");
            if (!g.exception().message().isEmpty()) b.append(": ").append(g.exception().message());
            b.append(" — ").append(g.count()).append("x, first ").append(g.first()).append(", last ").append(g.last()).append('\n');
            if (g.chain().size() > 1) b.append("  - chain: ").append(String.join(" ← caused by ", g.chain())).append('\n');
            for (String f : g.topFrames()) b.append("  - at ").append(f).append('\n');
        }
        b.append('\n');
    }

    private static void series(StringBuilder b, List<NumericSeries> series) {
        if (series.isEmpty()) return;
        b.append("## Numbers in the messages\n\n| series | what | kind | values | min | max | trend | over time |\n|---|---|---|---|---|---|---|---|\n");
        for (NumericSeries n : series) {
            double[] v = n.points().stream().mapToDouble(p -> p.value()).toArray();
            b.append("| ").append(n.name()).append(" | ").append(cell(n.label())).append(n.unit().isEmpty() ? "" : " (" + n.unit() + ")")
                    .append(" | ").append(n.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" | ").append(n.count())
                    .append(" | ").append(CounterFormat.fmt(n.min())).append(" | ").append(CounterFormat.fmt(n.max())).append(" | ")
                    .append(n.rising() ? "rising" : "").append(" | ").append(Sparkline.ofValues(v, 30)).append(" |\n");
        }
        b.append('\n');
    }

    private static void bursts(StringBuilder b, List<Burst> bursts) {
        if (bursts.isEmpty()) return;
        b.append("## Bursts\n\n");
        for (Burst u : bursts) {
            b.append("- ").append(u.start()).append(": ").append(u.templateId()).append(" `").append(u.template())
                    .append("` jumped to ").append(u.peak()).append(" per ").append(human(Duration.ofMillis(u.bucketMillis())))
                    .append(u.baseline() == 0 ? " (none before)\n" : String.format(java.util.Locale.ROOT, " (before: %.1f)%n", u.baseline()));
        }
        b.append('\n');
    }

    private static void findings(StringBuilder b, List<Finding> findings) {
        if (findings.isEmpty()) return;
        b.append("\n## Findings\n\n");
        for (Finding f : findings) {
            b.append("- **").append(f.patternId()).append("** ").append(f.title()).append('\n');
            for (Evidence e : f.evidence()) b.append("  - ").append(e.fact()).append(" (").append(e.where()).append(")\n");
        }
    }

    private static String when(Optional<Instant> t) {
        return t.map(Instant::toString).orElse("");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("`", "'");
    }

    /** Number formatting shared by renderers and detectors. */
    static final class CounterFormat {
        static String fmt(double v) {
            return dev.ddx.backend.logs.detect.CounterDetector.fmt(v);
        }
    }
}
