package dev.ddx.backend.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddx.backend.logs.summary.Burst;
import dev.ddx.backend.logs.summary.ExceptionGroup;
import dev.ddx.backend.logs.summary.LevelBucket;
import dev.ddx.backend.logs.summary.NumericSeries;
import dev.ddx.backend.logs.summary.SeriesSampler;
import dev.ddx.backend.logs.summary.SourceStat;
import dev.ddx.backend.logs.summary.TemplateStat;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LineRange;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Writes a summary and its findings as JSON field by field through a streaming generator: the
 * document the record mapper of {@link LogSummaryRenderer} would write (fields in record order,
 * absent values as null, times as ISO-8601 text, the same indentation), without the mapper's
 * start-up, which costs a cold JVM more than writing the whole summary (about 0.2 s). What logs
 * never give (signals, variables, suppressed exceptions) is handed to the mapper when it occurs.
 * {@code SummaryJsonTest} compares both on every sample log.
 */
final class SummaryJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator g;

    private SummaryJson(JsonGenerator g) {
        this.g = g;
    }

    static String write(LogSummary s, Supplier<List<Finding>> findings) {
        StringWriter out = new StringWriter(1 << 16);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            SummaryJson w = new SummaryJson(g);
            g.writeStartObject();
            g.writeFieldName("summary");
            w.summary(s);
            g.writeFieldName("findings");
            w.list(findings.get(), w::finding);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private interface Item<T> {
        void write(T t) throws IOException;
    }

    private <T> void list(List<T> items, Item<T> item) throws IOException {
        g.writeStartArray();
        for (T t : items) item.write(t);
        g.writeEndArray();
    }

    private void summary(LogSummary s) throws IOException {
        g.writeStartObject();
        g.writeFieldName("sources");
        list(s.sources(), this::source);
        g.writeNumberField("lines", s.lines());
        g.writeNumberField("events", s.events());
        time("start", s.start());
        time("end", s.end());
        counts("levels", s.levels());
        g.writeNumberField("bucketMillis", s.bucketMillis());
        g.writeFieldName("timeline");
        list(s.timeline(), this::bucket);
        g.writeNumberField("templateCount", s.templateCount());
        g.writeFieldName("topTemplates");
        list(s.topTemplates(), this::template);
        g.writeFieldName("problems");
        list(s.problems(), this::template);
        g.writeFieldName("exceptions");
        list(s.exceptions(), this::exceptionGroup);
        g.writeFieldName("series");
        list(s.series(), this::series);
        g.writeFieldName("bursts");
        list(s.bursts(), this::burst);
        strings("notes", s.notes());
        g.writeEndObject();
    }

    private void source(SourceStat s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("header", s.header());
        g.writeNumberField("lines", s.lines());
        g.writeNumberField("events", s.events());
        g.writeNumberField("skippedBytes", s.skippedBytes());
        g.writeNumberField("truncatedLines", s.truncatedLines());
        g.writeEndObject();
    }

    private void bucket(LevelBucket b) throws IOException {
        g.writeStartObject();
        time("start", b.start());
        counts("counts", b.counts());
        g.writeEndObject();
    }

    private void template(TemplateStat t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("template", t.template());
        g.writeStringField("level", t.level());
        g.writeNumberField("count", t.count());
        counts("levels", t.levels());
        time("firstSeen", t.firstSeen());
        time("lastSeen", t.lastSeen());
        lines("first", t.first());
        lines("last", t.last());
        g.writeStringField("example", t.example());
        g.writeStringField("levelFrom", t.levelFrom());
        g.writeEndObject();
    }

    private void exceptionGroup(ExceptionGroup x) throws IOException {
        g.writeStartObject();
        g.writeFieldName("exception");
        exception(x.exception());
        strings("chain", x.chain());
        strings("topFrames", x.topFrames());
        g.writeNumberField("count", x.count());
        time("firstSeen", x.firstSeen());
        time("lastSeen", x.lastSeen());
        lines("first", x.first());
        lines("last", x.last());
        g.writeEndObject();
    }

    private void exception(ExceptionInfo x) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", x.type());
        g.writeStringField("message", x.message());
        text("threadId", x.threadId());
        g.writeFieldName("signal");
        if (x.signal().isPresent()) mapped(x.signal().get());
        else g.writeNull();
        g.writeFieldName("frames");
        list(x.frames(), this::frame);
        g.writeFieldName("cause");
        if (x.cause().isPresent()) {
            g.writeStartObject();
            enumField("relation", x.cause().get().relation());
            g.writeFieldName("exception");
            exception(x.cause().get().exception());
            g.writeEndObject();
        } else {
            g.writeNull();
        }
        g.writeFieldName("suppressed");
        list(x.suppressed(), this::exception);
        g.writeEndObject();
    }

    private void frame(StackFrame f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", f.index());
        g.writeStringField("function", f.function());
        g.writeStringField("module", f.module());
        g.writeFieldName("source");
        if (f.source().isPresent()) location(f.source().get());
        else g.writeNull();
        number("pc", f.pc());
        g.writeFieldName("arguments");
        mapped(f.arguments());
        g.writeFieldName("locals");
        mapped(f.locals());
        text("sourceText", f.sourceText());
        enumField("owner", f.owner());
        g.writeEndObject();
    }

    private void location(SourceLocation l) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", l.file());
        g.writeNumberField("line", l.line());
        g.writeEndObject();
    }

    private void series(NumericSeries s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("label", s.label());
        g.writeStringField("templateId", s.templateId());
        g.writeStringField("template", s.template());
        g.writeStringField("unit", s.unit());
        enumField("kind", s.kind());
        g.writeNumberField("count", s.count());
        g.writeNumberField("min", s.min());
        g.writeNumberField("max", s.max());
        g.writeFieldName("points");
        list(s.points(), this::point);
        g.writeNumberField("growth", s.growth());
        g.writeBooleanField("rising", s.rising());
        g.writeEndObject();
    }

    private void point(SeriesSampler.Point p) throws IOException {
        g.writeStartObject();
        time("at", p.at());
        g.writeNumberField("value", p.value());
        g.writeNumberField("line", p.line());
        g.writeStringField("file", p.file());
        g.writeEndObject();
    }

    private void burst(Burst b) throws IOException {
        g.writeStartObject();
        g.writeStringField("templateId", b.templateId());
        g.writeStringField("template", b.template());
        time("start", b.start());
        g.writeNumberField("bucketMillis", b.bucketMillis());
        g.writeNumberField("peak", b.peak());
        g.writeNumberField("baseline", b.baseline());
        g.writeEndObject();
    }

    private void finding(Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("patternId", f.patternId());
        g.writeStringField("title", f.title());
        g.writeNumberField("confidence", f.confidence());
        g.writeFieldName("evidence");
        list(f.evidence(), this::evidence);
        g.writeEndObject();
    }

    private void evidence(Evidence e) throws IOException {
        g.writeStartObject();
        g.writeStringField("fact", e.fact());
        g.writeStringField("source", e.source());
        text("thread", e.thread());
        number("frame", e.frame());
        g.writeFieldName("lines");
        if (e.lines().isPresent()) lineRange(e.lines().get());
        else g.writeNull();
        g.writeEndObject();
    }

    private void lines(String name, LineRange r) throws IOException {
        g.writeFieldName(name);
        if (r == null) g.writeNull();
        else lineRange(r);
    }

    private void lineRange(LineRange r) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", r.file());
        g.writeNumberField("first", r.first());
        g.writeNumberField("last", r.last());
        g.writeEndObject();
    }

    private void counts(String name, Map<String, Long> counts) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
        for (Map.Entry<String, Long> e : counts.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
    }

    private void strings(String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private void time(String name, Optional<Instant> t) throws IOException {
        time(name, t.orElse(null));
    }

    private void time(String name, Instant t) throws IOException {
        g.writeFieldName(name);
        if (t == null) g.writeNull();
        else g.writeString(t.toString()); // ISO-8601, as the mapper writes an Instant
    }

    private void text(String name, Optional<String> v) throws IOException {
        g.writeFieldName(name);
        if (v.isPresent()) g.writeString(v.get());
        else g.writeNull();
    }

    private void number(String name, OptionalInt v) throws IOException {
        g.writeFieldName(name);
        if (v.isPresent()) g.writeNumber(v.getAsInt());
        else g.writeNull();
    }

    private void number(String name, OptionalLong v) throws IOException {
        g.writeFieldName(name);
        if (v.isPresent()) g.writeNumber(v.getAsLong());
        else g.writeNull();
    }

    private void enumField(String name, Enum<?> e) throws IOException {
        g.writeFieldName(name);
        if (e == null) g.writeNull();
        else g.writeString(e.name());
    }

    /** A value logs never give but the model allows (a signal, variables): an empty list here, else written by the mapper. */
    private void mapped(Object value) throws IOException {
        if (value instanceof List<?> l && l.isEmpty()) {
            g.writeStartArray();
            g.writeEndArray();
        } else {
            LogSummaryRenderer.mapper().writeValue(g, value);
        }
    }
}
