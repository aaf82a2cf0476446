package dev.ddx.backend.logs.picture;

import dev.ddx.backend.logs.summary.NumericSeries;
import dev.ddx.backend.logs.summary.SeriesSampler;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.util.List;

/** Several numeric series over time on one chart, or as sparklines for the terminal. */
public final class PlotRenderer {
    private PlotRenderer() {
    }

    /** The legend name of a series: {@code T4.2 queue size (ms)}. */
    public static String legend(NumericSeries s) {
        return s.name() + " " + s.label() + (s.unit().isEmpty() ? "" : " (" + s.unit() + ")");
    }

    public static JFreeChart chart(List<NumericSeries> series) {
        ChartFiles.headless();
        XYSeriesCollection data = new XYSeriesCollection();
        for (NumericSeries s : series) {
            XYSeries x = new XYSeries(legend(s), false, true);
            for (SeriesSampler.Point p : s.points()) x.add(p.at().toEpochMilli(), p.value());
            data.addSeries(x);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, series.stream().allMatch(s -> s.points().size() < 60));
        DateAxis time = new DateAxis("time (UTC)");
        time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        NumberAxis value = new NumberAxis("value");
        value.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, time, value, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(series.size() == 1 ? legend(series.get(0)) : "Numbers from the log",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    public static String text(List<NumericSeries> series, int width) {
        StringBuilder b = new StringBuilder();
        for (NumericSeries s : series) {
            double[] v = s.points().stream().mapToDouble(SeriesSampler.Point::value).toArray();
            b.append(legend(s)).append('\n');
            b.append("  ").append(Sparkline.ofValues(v, width)).append('\n');
            b.append(String.format(java.util.Locale.ROOT, "  %d values, min %s, max %s, first %s, last %s%s%n", s.count(),
                    num(s.min()), num(s.max()), num(v[0]), num(v[v.length - 1]), s.rising() ? ", rising" : ""));
            b.append("  template ").append(s.templateId()).append(": ").append(s.template()).append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return dev.ddx.backend.logs.detect.CounterDetector.fmt(v);
    }
}
