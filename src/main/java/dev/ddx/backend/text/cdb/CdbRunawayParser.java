package dev.ddx.backend.text.cdb;

import dev.ddx.model.CounterSeries;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code !runaway [flags]}: per-thread user, kernel and elapsed times. Each thread gets its CPU time
 * (user + kernel) and, when the elapsed table is there, a {@code cpu} series from the thread's
 * start to now, so a thread that burnt most of its life on the CPU stands out.
 */
final class CdbRunawayParser {
    private static final Pattern TABLE = Pattern.compile("^\\s*(User Mode Time|Kernel Mode Time|Elapsed Time)\\s*$");
    private static final Pattern HEAD = Pattern.compile("^\\s*Thread\\s+Time\\s*$");
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(\\d+):([0-9a-fA-F]+)\\s+(?:(\\d+) days? )?(\\d+):(\\d\\d):(\\d\\d)(?:\\.(\\d+))?\\s*$");

    private CdbRunawayParser() {
    }

    static void parse(CdbContext ctx, int from, int to) {
        String table = null;
        Map<String, double[]> times = new LinkedHashMap<>(); // thread -> user, kernel, elapsed (ms), tid
        for (int i = from; i < to; i++) {
            String s = ctx.draft.text().get(i);
            Matcher m;
            if ((m = TABLE.matcher(s)).matches()) {
                table = m.group(1);
            } else if (HEAD.matcher(s).matches()) {
                // column titles
            } else if (table != null && (m = ROW.matcher(s)).matches()) {
                double[] t = times.computeIfAbsent(m.group(1), k -> new double[] {-1, -1, -1, 0});
                t[3] = Long.parseLong(m.group(2), 16);
                t[table.startsWith("User") ? 0 : table.startsWith("Kernel") ? 1 : 2] = millis(m);
            } else {
                continue;
            }
            ctx.draft.understood(i);
        }
        times.forEach((id, t) -> add(ctx, id, t));
        if (!times.isEmpty()) ctx.draft.note("per-thread CPU times from !runaway");
    }

    private static void add(CdbContext ctx, String id, double[] t) {
        double cpu = Math.max(t[0], 0) + Math.max(t[1], 0);
        ctx.draft.thread(new TargetThread(id, OptionalLong.of((long) t[3]), "", ThreadState.UNKNOWN,
                Optional.of(Duration.ofNanos(Math.round(cpu * 1e6))), false, List.of()));
        if (t[2] >= 0 && t[0] >= 0) {
            ctx.draft.counter(new CounterSeries("cpu", id, "ms", List.of(new CounterSeries.Sample(0, 0),
                    new CounterSeries.Sample(Math.round(t[2]), cpu))));
        }
    }

    private static double millis(Matcher m) {
        double days = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
        double seconds = ((days * 24 + Double.parseDouble(m.group(4))) * 60 + Double.parseDouble(m.group(5))) * 60
                + Double.parseDouble(m.group(6));
        if (m.group(7) != null) seconds += Double.parseDouble("0." + m.group(7));
        return seconds * 1000;
    }
}
