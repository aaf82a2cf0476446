package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.mine.Template;
import dev.ddx.backend.logs.read.NumberParser;
import dev.ddx.model.LogEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects named series ({@code T4.2}: the second parameter of template T4) from events that
 * carry templates, for plotting any series, not only those the summary picked. Bounded per series.
 */
public final class SeriesCollector {
    private final Map<String, SeriesSampler> samplers = new LinkedHashMap<>();
    private final Map<String, LogEvent> examples = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    /** Series names look like {@code T4.2}. */
    public static boolean isName(String s) {
        int dot = s.indexOf('.');
        if (!s.startsWith("T") || dot < 2 || dot == s.length() - 1) return false;
        return s.substring(1, dot).chars().allMatch(Character::isDigit) && s.substring(dot + 1).chars().allMatch(Character::isDigit);
    }

    public SeriesCollector(List<String> names) {
        for (String n : names) samplers.put(n, new SeriesSampler());
    }

    public void accept(LogEvent e) {
        if (e.time().isEmpty() || e.templateId().isEmpty()) return;
        for (Map.Entry<String, SeriesSampler> s : samplers.entrySet()) {
            String name = s.getKey();
            int dot = name.indexOf('.');
            if (!e.templateId().equals(name.substring(0, dot))) continue;
            int k = Integer.parseInt(name.substring(dot + 1)) - 1;
            if (k < 0 || k >= e.parameters().size()) continue;
            NumberParser.Value v = NumberParser.parse(e.parameters().get(k));
            if (v == null) continue;
            units.putIfAbsent(name, v.unit());
            examples.putIfAbsent(name, e);
            s.getValue().add(new SeriesSampler.Point(e.time().get(), v.value(), e.firstLine(), e.file()));
        }
    }

    /** The series that got at least one value, in the order asked. */
    public List<NumericSeries> series() {
        List<NumericSeries> out = new ArrayList<>();
        samplers.forEach((name, s) -> {
            if (s.count() == 0) return;
            LogEvent e = examples.get(name);
            Template t = new Template(e.templateId(), List.of(e.template().split(" ")));
            int k = Integer.parseInt(name.substring(name.indexOf('.') + 1));
            int pos = position(t, k);
            String label = pos < 0 ? "value" : SeriesFinder.label(t, pos);
            double[] trend = SeriesFinder.trend(s.points());
            String unit = units.getOrDefault(name, "");
            if (unit.isEmpty() && pos >= 0) unit = SeriesFinder.unitAfter(t, pos);
            out.add(new NumericSeries(name, label, e.templateId(), e.template(), unit, SeriesFinder.kind(label, unit),
                    s.count(), s.min(), s.max(), s.points(), trend[0], trend[1] > 0));
        });
        return out;
    }

    private static int position(Template t, int k) {
        int n = 0;
        for (int i = 0; i < t.tokens().size(); i++) {
            if (t.tokens().get(i).contains("<*>") && ++n == k) return i;
        }
        return -1;
    }
}
