package dev.ddx.backend.logs.detect;

import dev.ddx.backend.logs.LogSummary;
import dev.ddx.backend.logs.summary.NumericSeries;
import dev.ddx.backend.logs.summary.SeriesSampler;
import dev.ddx.model.LineRange;
import dev.ddx.pattern.Detector;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code counter-value} for numeric series mined from log templates; {@code memory-leak} or
 * {@code handle-leak} when a memory or handle measure keeps rising.
 */
public final class CounterDetector implements Detector<LogSummary> {
    @Override
    public String id() {
        return "log-counters";
    }

    @Override
    public Set<String> emits() {
        return Set.of("counter-value", "memory-leak", "handle-leak");
    }

    @Override
    public List<Finding> detect(LogSummary s) {
        List<Finding> out = new ArrayList<>();
        for (NumericSeries n : s.series()) {
            SeriesSampler.Point a = n.points().get(0);
            SeriesSampler.Point z = n.points().get(n.points().size() - 1);
            String unit = n.unit().isEmpty() ? "" : " " + n.unit();
            List<Evidence> ev = List.of(
                    Evidence.atLines(n.label() + " = " + fmt(a.value()) + unit + " first", "log", new LineRange(a.file(), a.line(), a.line())),
                    Evidence.atLines(n.label() + " = " + fmt(z.value()) + unit + " last (min " + fmt(n.min()) + ", max "
                            + fmt(n.max()) + ", " + n.count() + " values, template " + n.templateId() + ")", "log",
                            new LineRange(z.file(), z.line(), z.line())));
            if (n.rising() && n.kind() == NumericSeries.Kind.MEMORY) {
                out.add(new Finding("memory-leak", n.label() + " keeps rising (+" + pct(n.growth()) + ")", 0.6, ev));
            } else if (n.rising() && n.kind() == NumericSeries.Kind.HANDLES) {
                out.add(new Finding("handle-leak", n.label() + " keeps rising (+" + pct(n.growth()) + ")", 0.6, ev));
            }
            if (out.size() < 12 && n.kind() != NumericSeries.Kind.OTHER) {
                out.add(new Finding("counter-value", n.label() + " from " + fmt(n.min()) + " to " + fmt(n.max()) + unit, 0.8, ev));
            }
        }
        return out;
    }

    /** A value without trailing ".0", three significant digits when fractional. */
    public static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    private static String pct(double g) {
        return Math.round(g * 100) + "%";
    }
}
