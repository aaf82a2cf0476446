package dev.ddx.backend.logs.summary;

import java.util.List;

/**
 * A number one template carries at one parameter position, over time.
 *
 * @param name       {@code T4.2}: template id and parameter index (1-based)
 * @param label      what the number is, from the words before it ({@code queue size}, {@code took})
 * @param templateId the template
 * @param template   the template text
 * @param unit       the unit written after the number ({@code ms}, {@code MB}) or empty
 * @param kind       what the number measures, as far as its words say
 * @param count      values seen
 * @param min        smallest value
 * @param max        largest value
 * @param points     a bounded, evenly thinned sample in input order
 * @param growth     relative growth from the first to the last fifth of the series (0.5 = +50%)
 * @param rising     whether it kept rising (most steps up, last fifth above the first)
 */
public record NumericSeries(String name, String label, String templateId, String template, String unit, Kind kind,
                            long count, double min, double max, List<SeriesSampler.Point> points, double growth,
                            boolean rising) {
    public NumericSeries {
        points = List.copyOf(points);
    }

    /** What a series measures. */
    public enum Kind { MEMORY, HANDLES, DURATION, SIZE, QUEUE, COUNT, OTHER }
}
