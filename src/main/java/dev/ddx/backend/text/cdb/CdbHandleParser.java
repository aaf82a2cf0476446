package dev.ddx.backend.text.cdb;

import dev.ddx.model.CounterSeries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code !handle}: the handles listed and the "N Handles / Type Count" summary, as {@code handles}
 * counters (subject {@code process} for the total, {@code type Event} per type).
 */
final class CdbHandleParser {
    private static final Pattern HANDLE = Pattern.compile("^\\s*Handle\\s+([0-9a-fA-F]+)\\s*$");
    private static final Pattern DETAIL = Pattern.compile("^\\s+(Type|GrantedAccess|HandleCount|PointerCount|Name|Object [Ss]pecific Information"
            + "|Event Type|Event is|Mutex is|Thread Id|Priority|Base Priority|Start Address|[A-Z][\\w ]+?)\\s{2,}\\S.*$|^\\s+Object [Ss]pecific Information\\s*$");
    private static final Pattern TOTAL = Pattern.compile("^\\s*(\\d+) Handles\\s*$");
    private static final Pattern TYPE_HEAD = Pattern.compile("^\\s*Type\\s+Count\\s*$");
    private static final Pattern TYPE = Pattern.compile("^\\s*([A-Za-z][\\w ]*?)\\s+(\\d+)\\s*$");

    private CdbHandleParser() {
    }

    static void parse(CdbContext ctx, int from, int to) {
        boolean summary = false;
        Map<String, Long> types = new LinkedHashMap<>();
        long total = -1;
        for (int i = from; i < to; i++) {
            String s = ctx.draft.text().get(i);
            Matcher m;
            if ((m = TOTAL.matcher(s)).matches()) {
                total = Long.parseLong(m.group(1));
            } else if (TYPE_HEAD.matcher(s).matches()) {
                summary = true;
            } else if (summary && (m = TYPE.matcher(s)).matches()) {
                types.put(m.group(1), Long.parseLong(m.group(2)));
            } else if (!HANDLE.matcher(s).matches() && !DETAIL.matcher(s).matches()) {
                continue;
            }
            ctx.draft.understood(i);
        }
        if (total >= 0) ctx.draft.counter(series("process", total));
        types.forEach((type, n) -> ctx.draft.counter(series("type " + type, n)));
    }

    private static CounterSeries series(String subject, long n) {
        return new CounterSeries("handles", subject, "count", List.of(new CounterSeries.Sample(0, n)));
    }
}
