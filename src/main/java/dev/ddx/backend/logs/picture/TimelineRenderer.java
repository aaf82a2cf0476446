package dev.ddx.backend.logs.picture;

import dev.ddx.backend.logs.read.Levels;
import dev.ddx.model.LogEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One swimlane per thread, events coloured by level or by template: as a chart (JFreeChart) or as
 * lanes of letters for the terminal. Events without a time are left out. At most {@link #MAX_LANES}
 * lanes (the busiest threads; the rest share an "other" lane).
 */
public final class TimelineRenderer {
    public static final int MAX_LANES = 40;
    static final int MAX_TEMPLATES = 12;

    /** What colours (or letters) an event. */
    public enum ColourBy { LEVEL, TEMPLATE }

    private TimelineRenderer() {
    }

    static String lane(LogEvent e) {
        if (!e.thread().isEmpty()) return e.thread();
        return e.component().isEmpty() ? "(no thread)" : e.component();
    }

    /** Lane names, busiest first (ties by first appearance), the overflow as "other". */
    static List<String> lanes(List<LogEvent> events) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (LogEvent e : events) count.merge(lane(e), 1, Integer::sum);
        List<String> names = new ArrayList<>(count.keySet());
        names.sort((a, b) -> count.get(b) - count.get(a));
        if (names.size() > MAX_LANES) {
            names = new ArrayList<>(names.subList(0, MAX_LANES - 1));
            names.add("other");
        }
        return names;
    }

    static String key(LogEvent e, ColourBy by, Map<String, String> templateKeys) {
        if (by == ColourBy.LEVEL) return e.level().isEmpty() ? "NONE" : e.level();
        return templateKeys.getOrDefault(e.templateId(), "other");
    }

    /** The most frequent templates, each named {@code T3 text…}. */
    static Map<String, String> templateKeys(List<LogEvent> events) {
        Map<String, Integer> count = new LinkedHashMap<>();
        Map<String, String> text = new LinkedHashMap<>();
        for (LogEvent e : events) {
            count.merge(e.templateId(), 1, Integer::sum);
            text.putIfAbsent(e.templateId(), e.template());
        }
        List<String> ids = new ArrayList<>(count.keySet());
        ids.sort((a, b) -> count.get(b) - count.get(a));
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids.subList(0, Math.min(MAX_TEMPLATES, ids.size()))) {
            String t = text.get(id);
            out.put(id, id + " " + (t.length() > 40 ? t.substring(0, 40) + "…" : t));
        }
        return out;
    }

    public static JFreeChart chart(List<LogEvent> events, ColourBy by) {
        ChartFiles.headless();
        List<String> lanes = lanes(events);
        Map<String, String> templates = templateKeys(events);
        Map<String, XYSeries> series = new LinkedHashMap<>();
        if (by == ColourBy.LEVEL) {
            for (String l : List.of("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "NONE")) series.put(l, new XYSeries(l, false, true));
        } else {
            templates.values().forEach(k -> series.put(k, new XYSeries(k, false, true)));
            series.put("other", new XYSeries("other", false, true));
        }
        for (LogEvent e : events) {
            if (e.time().isEmpty()) continue;
            int laneIndex = lanes.indexOf(lane(e));
            if (laneIndex < 0) laneIndex = lanes.size() - 1;
            series.get(key(e, by, templates)).add(e.time().get().toEpochMilli(), laneIndex);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().stream().filter(s -> s.getItemCount() > 0).forEach(data::addSeries);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesShape(i, new Rectangle2D.Double(-2, -6, 4, 12));
            if (by == ColourBy.LEVEL) r.setSeriesPaint(i, levelColour(data.getSeriesKey(i).toString()));
        }
        SymbolAxis laneAxis = new SymbolAxis("thread", lanes.toArray(new String[0]));
        laneAxis.setGridBandsVisible(true);
        DateAxis time = new DateAxis("time (UTC)");
        time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        XYPlot plot = new XYPlot(data, time, laneAxis, r);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart("Timeline: " + events.size() + " events, " + lanes.size() + " threads",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static Color levelColour(String level) {
        return switch (level) {
            case "FATAL" -> new Color(0x7b, 0x00, 0x00);
            case "ERROR" -> new Color(0xd6, 0x27, 0x28);
            case "WARN" -> new Color(0xff, 0x9f, 0x0e);
            case "INFO" -> new Color(0x1f, 0x77, 0xb4);
            case "DEBUG" -> new Color(0x2c, 0xa0, 0x2c);
            case "TRACE" -> new Color(0x94, 0x67, 0xbd);
            default -> Color.GRAY;
        };
    }

    /**
     * Lanes of letters: one row per thread, one column per time slot; the letter is the worst
     * level in the slot (E, W, I, D, T, F) or the template's letter (A = most frequent), '.' when idle.
     */
    public static String text(List<LogEvent> events, ColourBy by, int width) {
        List<LogEvent> timed = events.stream().filter(e -> e.time().isPresent()).toList();
        if (timed.isEmpty()) return "no timestamped events\n";
        Instant a = timed.stream().map(e -> e.time().get()).min(Instant::compareTo).get();
        Instant z = timed.stream().map(e -> e.time().get()).max(Instant::compareTo).get();
        long span = Math.max(1, z.toEpochMilli() - a.toEpochMilli() + 1);
        List<String> lanes = lanes(timed);
        Map<String, String> templates = templateKeys(timed);
        List<String> letters = new ArrayList<>(templates.keySet());
        int nameWidth = Math.min(24, lanes.stream().mapToInt(String::length).max().orElse(4));
        char[][] grid = new char[lanes.size()][width];
        for (char[] row : grid) java.util.Arrays.fill(row, '.');
        for (LogEvent e : timed) {
            int lane = lanes.indexOf(lane(e));
            if (lane < 0) lane = lanes.size() - 1;
            int col = (int) Math.min(width - 1, (e.time().get().toEpochMilli() - a.toEpochMilli()) * width / span);
            char c = by == ColourBy.LEVEL ? levelLetter(e.level()) : templateLetter(letters.indexOf(e.templateId()));
            if (grid[lane][col] == '.' || rank(c, by) > rank(grid[lane][col], by)) grid[lane][col] = c;
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-" + nameWidth + "s %s%n", "", a + " … " + z));
        for (int i = 0; i < lanes.size(); i++) {
            String name = lanes.get(i).length() > nameWidth ? lanes.get(i).substring(0, nameWidth) : lanes.get(i);
            b.append(String.format("%-" + nameWidth + "s %s%n", name, new String(grid[i])));
        }
        if (by == ColourBy.TEMPLATE) {
            for (int i = 0; i < letters.size(); i++) b.append(templateLetter(i)).append(" = ").append(templates.get(letters.get(i))).append('\n');
            b.append("* = other templates\n");
        } else {
            b.append("F fatal  E error  W warn  I info  D debug  T trace  - no level\n");
        }
        return b.toString();
    }

    private static char levelLetter(String level) {
        return level.isEmpty() ? '-' : level.charAt(0);
    }

    private static char templateLetter(int i) {
        return i < 0 ? '*' : (char) ('A' + i);
    }

    private static int rank(char c, ColourBy by) {
        if (by == ColourBy.TEMPLATE) return c == '*' ? 0 : 100 - c;
        return switch (c) {
            case 'F' -> 6;
            case 'E' -> 5;
            case 'W' -> 4;
            case 'I' -> 3;
            case 'D' -> 2;
            case 'T' -> 1;
            default -> 0;
        };
    }

    static boolean problem(LogEvent e) {
        return Levels.isProblem(e.level());
    }
}
