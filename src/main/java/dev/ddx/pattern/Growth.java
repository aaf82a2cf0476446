package dev.ddx.pattern;

import dev.ddx.model.CounterSeries;

/**
 * Whether a series grows steadily: enough samples, most steps up, none far down, and a rise that is
 * large both absolutely and relative to where it started.
 *
 * @param series   the series
 * @param rise     last minus first
 * @param upSteps  how many sample-to-sample steps went up
 * @param steps    how many steps there were
 */
record Growth(CounterSeries series, double rise, int upSteps, int steps) {

    static Growth of(CounterSeries c) {
        int up = 0;
        for (int i = 1; i < c.samples().size(); i++) {
            if (c.samples().get(i).value() > c.samples().get(i - 1).value()) up++;
        }
        return new Growth(c, c.last() - c.first(), up, Math.max(0, c.samples().size() - 1));
    }

    /** Steady: at least 3 steps, at least 60% of them up, and the series never falls below its start. */
    boolean steady() {
        if (steps < 3 || upSteps < 0.6 * steps) return false;
        for (CounterSeries.Sample x : series.samples()) if (x.value() < series.first()) return false;
        return true;
    }

    boolean significant(double minRise, double minRelative) {
        double base = Math.max(Math.abs(series.first()), 1);
        return rise >= minRise && rise / base >= minRelative;
    }

    /** Per second, over the whole window. */
    double perSecond() {
        return series.spanMillis() <= 0 ? 0 : rise * 1000.0 / series.spanMillis();
    }
}
