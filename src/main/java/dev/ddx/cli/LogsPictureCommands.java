package dev.ddx.cli;

import dev.ddx.backend.logs.LogSession;
import dev.ddx.backend.logs.picture.ChartFiles;
import dev.ddx.backend.logs.picture.PlotRenderer;
import dev.ddx.backend.logs.picture.SequenceRenderer;
import dev.ddx.backend.logs.picture.TimelineRenderer;
import dev.ddx.backend.logs.summary.NumericSeries;
import dev.ddx.backend.logs.summary.SeriesCollector;
import dev.ddx.error.UsageException;
import dev.ddx.model.LogEvent;
import net.sourceforge.plantuml.FileFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ddx logs timeline | plot | sequence}: pictures as SVG/PNG files, or text in the terminal. */
final class LogsPictureCommands {
    static final int MAX_EVENTS = 20_000;

    private LogsPictureCommands() {
    }

    static void wrote(PrintWriter out, Path file) {
        out.println("wrote " + file);
    }

    @Command(name = "timeline", mixinStandardHelpOptions = true,
            description = "One lane per thread: what every thread logged when (coloured by level or template).")
    static final class Timeline implements Callable<Integer> {
        @Mixin
        LogsCommand.LogsSourceOptions sources;

        @Option(names = "--by", defaultValue = "level", description = "Colour by: level (default) or template.")
        String by;

        @Option(names = "--out", paramLabel = "FILE", description = "Write FILE.svg or FILE.png instead of terminal lanes.")
        Path out;

        @Option(names = "--width", defaultValue = "100", description = "Columns of the terminal lanes (default 100).")
        int width;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            TimelineRenderer.ColourBy colour = switch (by.toLowerCase(Locale.ROOT)) {
                case "level" -> TimelineRenderer.ColourBy.LEVEL;
                case "template" -> TimelineRenderer.ColourBy.TEMPLATE;
                default -> throw new UsageException("unknown --by " + by, "use --by level or --by template");
            };
            PrintWriter pw = spec.commandLine().getOut();
            try (LogSession session = sources.open()) {
                List<LogEvent> events = session.timedEvents(MAX_EVENTS);
                if (events.isEmpty()) throw new UsageException("no timestamped events to draw", "give --header if the time was not recognised");
                if (out == null) {
                    pw.print(TimelineRenderer.text(events, colour, Math.max(20, width)));
                } else {
                    ChartFiles.write(TimelineRenderer.chart(events, colour), out, 1400, Math.max(480, 200 + 28 * Math.min(40, lanes(events))));
                    wrote(pw, out);
                }
                pw.flush();
                sources.failOnMissing(session);
            }
            return 0;
        }

        private static int lanes(List<LogEvent> events) {
            return (int) events.stream().map(e -> e.thread().isEmpty() ? e.component() : e.thread()).distinct().count();
        }
    }

    @Command(name = "plot", mixinStandardHelpOptions = true,
            description = "Numeric series over time, several on one chart. SERIES are names like T4.2 (template T4, 2nd parameter) "
                    + "as `ddx logs summarize` lists them; without any, the summary's top series are drawn.")
    static final class Plot implements Callable<Integer> {
        @Mixin
        LogsCommand.LogsSourceOptions sources;

        @Option(names = "--series", paramLabel = "SERIES", description = "A series to draw (repeatable); bare T4.2 arguments work too.")
        List<String> series = new ArrayList<>();

        @Option(names = "--out", paramLabel = "FILE", description = "Write FILE.svg or FILE.png instead of terminal sparklines.")
        Path out;

        @Option(names = "--width", defaultValue = "60", description = "Marks per terminal sparkline (default 60).")
        int width;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<String> names = new ArrayList<>(series);
            sources.names.removeIf(n -> {
                if (!SeriesCollector.isName(n) || Files.exists(Path.of(n))) return false;
                names.add(n);
                return true;
            });
            PrintWriter pw = spec.commandLine().getOut();
            try (LogSession session = sources.open()) {
                List<NumericSeries> found;
                if (names.isEmpty()) {
                    found = session.summary().series().stream().limit(4).toList();
                    if (found.isEmpty()) throw new UsageException("no numeric series found in these logs", "");
                } else {
                    found = session.series(names);
                    List<String> missing = new ArrayList<>(names);
                    found.forEach(s -> missing.remove(s.name()));
                    if (!missing.isEmpty()) {
                        throw new UsageException("no numbers for series " + String.join(", ", missing), "series that exist: "
                                + String.join(", ", session.summary().series().stream().map(NumericSeries::name).toList()));
                    }
                }
                if (out == null) {
                    pw.print(PlotRenderer.text(found, Math.max(10, width)));
                } else {
                    ChartFiles.write(PlotRenderer.chart(found), out, 1200, 600);
                    wrote(pw, out);
                }
                pw.flush();
                sources.failOnMissing(session);
            }
            return 0;
        }
    }

    @Command(name = "sequence", mixinStandardHelpOptions = true,
            description = "Sequence diagram of the log moving between components (or threads), drawn with PlantUML.")
    static final class Sequence implements Callable<Integer> {
        @Mixin
        LogsCommand.LogsSourceOptions sources;

        @Option(names = "--by", defaultValue = "component", description = "Participants: component (default) or thread.")
        String by;

        @Option(names = "--arrows", defaultValue = "60", description = "At most this many arrows (default 60).")
        int limit;

        @Option(names = "--out", paramLabel = "FILE", description = "Write FILE.svg, FILE.png or FILE.puml instead of text art.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!by.equals("component") && !by.equals("thread")) throw new UsageException("unknown --by " + by, "use --by component or --by thread");
            PrintWriter pw = spec.commandLine().getOut();
            try (LogSession session = sources.open()) {
                List<LogEvent> events = new ArrayList<>();
                session.forEachEvent(e -> {
                    if (events.size() < 100 * Math.max(1, limit)) events.add(e);
                });
                String puml = SequenceRenderer.plantUml(events, by.equals("thread"), Math.max(1, limit));
                if (out == null) {
                    pw.print(new String(SequenceRenderer.render(puml, FileFormat.UTXT), StandardCharsets.UTF_8));
                } else {
                    write(puml, out);
                    wrote(pw, out);
                }
                pw.flush();
                sources.failOnMissing(session);
            }
            return 0;
        }

        private static void write(String puml, Path out) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            try {
                if (name.endsWith(".svg")) Files.write(out, SequenceRenderer.render(puml, FileFormat.SVG));
                else if (name.endsWith(".png")) Files.write(out, SequenceRenderer.render(puml, FileFormat.PNG));
                else if (name.endsWith(".puml")) Files.writeString(out, puml);
                else throw new UsageException("cannot draw to " + out.getFileName(), "use --out FILE.svg, FILE.png or FILE.puml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
