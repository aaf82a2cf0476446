package dev.ddx.backend.logs.picture;

/** Terminal sparklines: one block character per bucket, scaled to the largest value. */
public final class Sparkline {
    private static final char[] BARS = {' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    /** Counts squeezed into at most {@code width} marks (neighbouring buckets summed). */
    public static String of(long[] counts, int width) {
        if (counts.length == 0) return "";
        int per = Math.max(1, (counts.length + width - 1) / width);
        int n = (counts.length + per - 1) / per;
        double[] v = new double[n];
        for (int i = 0; i < counts.length; i++) v[i / per] += counts[i];
        return bars(v, true);
    }

    /** Values squeezed into at most {@code width} marks (neighbouring values averaged), scaled from min to max. */
    public static String ofValues(double[] values, int width) {
        if (values.length == 0) return "";
        int per = Math.max(1, (values.length + width - 1) / width);
        int n = (values.length + per - 1) / per;
        double[] v = new double[n];
        int[] k = new int[n];
        for (int i = 0; i < values.length; i++) {
            v[i / per] += values[i];
            k[i / per]++;
        }
        for (int i = 0; i < n; i++) v[i] /= k[i];
        return bars(v, false);
    }

    private static String bars(double[] v, boolean fromZero) {
        double max = Double.NEGATIVE_INFINITY;
        double min = fromZero ? 0 : Double.POSITIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
            if (!fromZero) min = Math.min(min, x);
        }
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            if (fromZero && x == 0) {
                b.append(' ');
                continue;
            }
            double f = max == min ? 1 : (x - min) / (max - min);
            b.append(BARS[1 + (int) Math.round(f * 7)]);
        }
        return b.toString();
    }
}
