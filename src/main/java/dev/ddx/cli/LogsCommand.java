package dev.ddx.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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
            ObjectMapper json = new ObjectMapper();
            try (LogSession session = sources.open()) {
                long[] written = {0};
                session.forEachEvent(e -> {
                    out.println(record(json, e));
                    // a reader that went away (`| head`) ends the run; the writer itself never says so
                    if (++written[0] % 1024 == 0 && out.checkError()) throw new ReaderGone();
                });
                out.flush();
                sources.failOnMissing(session);
            } catch (ReaderGone gone) {
                return 0;
            }
            return 0;
        }

        /** The output's reader closed its end: nothing more to write. */
        private static final class ReaderGone extends RuntimeException {
            ReaderGone() {
                super("output closed", null, false, false);
            }
        }

        private static String record(ObjectMapper json, LogEvent e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", e.file());
            m.put("first_line", e.firstLine());
            m.put("last_line", e.lastLine());
            m.put("time", e.time().map(Object::toString).orElse(null));
            m.put("level", e.level());
            m.put("thread", e.thread());
            m.put("component", e.component());
            m.put("template_id", e.templateId());
            m.put("template", e.template());
            m.put("parameters", e.parameters());
            m.put("message", e.message());
            try {
                return json.writeValueAsString(m);
            } catch (JsonProcessingException x) {
                throw new IllegalStateException(x);
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
                List<Finding> findings = session.findings();
                out.print(format.equals("json") ? LogSummaryRenderer.json(s, findings) + "\n" : LogSummaryRenderer.markdown(s, findings));
                out.flush();
                sources.failOnMissing(session);
            }
            return 0;
        }
    }

    /** Where the logs come from, shared by every {@code ddx logs} subcommand. */
    static final class LogsSourceOptions {
        @Parameters(arity = "0..*", paramLabel = "SOURCE", description = "Log files, globs (quoted), or - for stdin; .gz is read as such.")
        List<String> names = new ArrayList<>();

        @Option(names = "--header", paramLabel = "SPEC",
                description = "Header of every line in logpai notation, e.g. \"<Date> <Time> <Level> <Component>: <Content>\"; detected per file when absent.")
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

        /** After the output is written: a missing source is still an error (exit 2), named. */
        void failOnMissing(LogSession session) {
            if (!session.missing().isEmpty()) {
                throw new UsageException("no such log file: " + String.join(", ", session.missing())
                        + (session.sourceNames().isEmpty() ? "" : " (the other sources were read)"), "check the path");
            }
        }
    }
}
