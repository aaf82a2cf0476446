package dev.ddx.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddx.backend.logs.LogOptions;
import dev.ddx.backend.logs.LogSession;
import dev.ddx.backend.logs.LogSummary;
import dev.ddx.backend.logs.LogSummaryRenderer;
import dev.ddx.error.UsageException;
import dev.ddx.model.LogEvent;
import dev.ddx.pattern.Finding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * {@code ddx logs}: read logs from files, globs, stdin, Loki or Elasticsearch; parse them into
 * events with templates, summarise them, and draw timelines, plots and sequence diagrams.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Read logs: parse, summarise, draw timelines, plots and sequence diagrams.",
        subcommands = {LogsCommand.Parse.class, LogsCommand.Summarize.class, LogsPictureCommands.Timeline.class,
                LogsPictureCommands.Plot.class, LogsPictureCommands.Sequence.class})
public final class LogsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code ddx logs parse}: one JSON record per event, in input order. */
    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = "Print one record per event (JSON lines): lines, time, level, thread, component, template, parameters.")
    static final class Parse implements Callable<Integer> {
        @Mixin
        LogsSourceOptions sources;

        @Option(names = "--format", defaultValue = "jsonl", description = "Output format: jsonl (default).")
        String format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!format.equals("jsonl")) throw new UsageException("unknown format for parse: " + format, "use --format jsonl");
            PrintWriter out = spec.commandLine().getOut();
            try (LogSession session = sources.open(); JsonGenerator json = records(out)) {
                long[] written = {0};
                session.forEachEvent(e -> {
                    record(json, e);
                    // a reader that went away (`| head`) ends the run; the writer itself never says so
                    if (++written[0] % 1024 == 0) {
                        flush(json);
                        if (out.checkError()) throw new ReaderGone();
                    }
                });
                flush(json);
                out.flush();
                sources.failOnMissing(session);
            } catch (ReaderGone gone) {
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }

        /** The output's reader closed its end: nothing more to write. */
        private static final class ReaderGone extends RuntimeException {
            ReaderGone() {
                super("output closed", null, false, false);
            }
        }

        /** A writer of one JSON object per line to {@code out}, streaming (no map or string per record). */
        private static JsonGenerator records(PrintWriter out) throws IOException {
            JsonGenerator g = new JsonFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            g.setRootValueSeparator(null);
            return g;
        }

        private static void flush(JsonGenerator g) {
            try {
                g.flush();
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        private static void record(JsonGenerator g, LogEvent e) {
            try {
                g.writeStartObject();
                g.writeStringField("file", e.file());
                g.writeNumberField("first_line", e.firstLine());
                g.writeNumberField("last_line", e.lastLine());
                g.writeFieldName("time");
                if (e.time().isPresent()) g.writeString(e.time().get().toString());
                else g.writeNull();
                g.writeStringField("level", e.level());
                g.writeStringField("thread", e.thread());
                g.writeStringField("component", e.component());
                g.writeStringField("template_id", e.templateId());
                g.writeStringField("template", e.template());
                g.writeArrayFieldStart("parameters");
                for (String p : e.parameters()) g.writeString(p);
                g.writeEndArray();
                g.writeStringField("message", e.message());
                g.writeEndObject();
                g.writeRaw('\n');
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }
    }

    /** {@code ddx logs summarize}: the summary and findings as Markdown or JSON. */
    @Command(name = "summarize", mixinStandardHelpOptions = true,
            description = "Summarise logs: time span, levels over time, WARN/ERROR templates, exceptions, numbers, bursts, findings.")
    static final class Summarize implements Callable<Integer> {
        @Mixin
        LogsSourceOptions sources;

        @Option(names = "--format", defaultValue = "md", description = "Output format: md (default) or json.")
        String format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!format.equals("md") && !format.equals("json")) {
                throw new UsageException("unknown format for summarize: " + format, "use --format md or --format json");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (LogSession session = sources.open()) {
                LogSummary s = session.summary();
                // the findings are worked out beside the writing of the summary, which needs them only at its end
                FutureTask<List<Finding>> findings = new FutureTask<>(session::findings);
                Thread beside = new Thread(findings, "ddx-findings");
                beside.setDaemon(true);
                beside.start();
                Supplier<List<Finding>> ready = () -> done(findings);
                out.print(format.equals("json") ? LogSummaryRenderer.json(s, ready) + "\n" : LogSummaryRenderer.markdown(s, ready));
                out.flush();
                sources.failOnMissing(session);
            }
            return 0;
        }

        /** What the task gave, or what it threw (as thrown). */
        private static <T> T done(FutureTask<T> task) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while finding patterns", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Where the logs come from, shared by every {@code ddx logs} subcommand. */
    static final class LogsSourceOptions {
        @Parameters(arity = "0..*", paramLabel = "SOURCE", description = "Log files, globs (quoted), or - for stdin; .gz is read as such.")
        List<String> names = new ArrayList<>();

        @Option(names = "--header", paramLabel = "SPEC",
                description = "Header of every line in logpai notation, e.g. \"<Date> <Time> <Level> <Component>: <Content>\", "
                        + "or json (a JSON object per line), logfmt (key=value pairs per line) or access (a web server's access log); "
                        + "detected per file when absent.")
        String header;

        @Mixin
        LogsRemoteOptions remote;

        LogSession open() {
            LogOptions o = LogOptions.defaults().withHeader(header)
                    .withRemote(remote.sources(System.getenv(), java.time.Clock.systemUTC()));
            if (names.isEmpty() && o.remote().isEmpty()) {
                throw new UsageException("no log sources given", "give files, globs, - for stdin, or --loki/--es");
            }
            return LogSession.open(names, o);
        }

        /**
         * After the output is written: a missing source is still an error (exit 2), named, and a file
         * packed in a way ddx does not unpack too (exit 3), with the command that unpacks it.
         */
        void failOnMissing(LogSession session) {
            String others = session.sourceNames().isEmpty() ? "" : " (the other sources were read)";
            if (!session.missing().isEmpty()) {
                throw new UsageException("no such log file: " + String.join(", ", session.missing()) + others, "check the path");
            }
            if (!session.refused().isEmpty()) throw LogSession.refusal(session.refused(), others);
        }
    }
}
