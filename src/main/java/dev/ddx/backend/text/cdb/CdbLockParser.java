package dev.ddx.backend.text.cdb;

import dev.ddx.model.LockInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Critical sections from {@code !locks} ({@code CritSec sym at addr} blocks) and {@code !cs}
 * ({@code Critical section = 0x… (sym)} blocks): address, symbol, owner thread id, lock, recursion,
 * entry and contention counts. Owners are recorded as raw thread ids ({@code tid:a3}) and mapped to
 * debugger thread numbers once the whole session is read ({@link CdbSessionParser#resolve}).
 */
final class CdbLockParser {
    private static final Pattern CRITSEC = Pattern.compile("^\\s*CritSec\\s+(.*?)\\s+at\\s+([0-9a-fA-F`]+)\\b.*$");
    private static final Pattern CS = Pattern.compile(
            "^(?:## )?\\s*Critical section\\s+=\\s+(?:0x)?([0-9a-fA-F`]+)(?:\\s+\\((.*)\\))?\\s*$");
    private static final Pattern FIELD = Pattern.compile(
            "^(?:## )?\\s*(LockCount|RecursionCount|OwningThread|EntryCount|ContentionCount|DebugInfo|LockSemaphore"
                    + "|SpinCount|WaiterWoken)\\s+(?:=\\s+)?(?:0x)?([0-9a-fA-F]+|Yes|No)\\b.*$");
    private static final Pattern STATE = Pattern.compile("^\\s*(\\*\\*\\* Locked|LOCKED|NOT LOCKED)\\s*$");
    private static final Pattern TRAILER = Pattern.compile("^\\s*(Scanned \\d+ critical sections.*|-{5,}|Stack trace for DebugInfo = .*"
            + "|0x[0-9a-fA-F]+: \\S+!\\S+.*)$");

    private CdbLockParser() {
    }

    static void parse(CdbContext ctx, int from, int to) {
        String id = null;
        String name = "";
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            String s = ctx.draft.text().get(i);
            Matcher m;
            if ((m = CRITSEC.matcher(s)).matches() || (m = CS.matcher(s)).matches()) {
                add(ctx, id, name, attrs);
                id = address(m.group(2 - (m.pattern() == CS ? 1 : 0)));
                name = m.pattern() == CS ? (m.group(2) == null ? "" : m.group(2)) : m.group(1);
                attrs = new LinkedHashMap<>();
            } else if (id != null && (m = FIELD.matcher(s)).matches()) {
                attrs.put(m.group(1), m.group(2).toLowerCase(Locale.ROOT));
            } else if (id != null && (m = STATE.matcher(s)).matches()) {
                attrs.put("state", m.group(1).contains("NOT") ? "not locked" : "locked");
            } else if (!TRAILER.matcher(s).matches()) {
                continue;
            }
            ctx.draft.understood(i);
        }
        add(ctx, id, name, attrs);
    }

    private static void add(CdbContext ctx, String id, String name, Map<String, String> attrs) {
        if (id == null) return;
        String owning = attrs.getOrDefault("OwningThread", "0");
        Optional<String> owner = owning.matches("0+") || "not locked".equals(attrs.get("state"))
                ? Optional.empty() : Optional.of("tid:" + owning.replaceFirst("^0+(?=.)", ""));
        String label = name.replaceFirst("\\+0x0$|\\+0$", "");
        if (label.startsWith("+")) label = ""; // "+24e750": no symbol, only the address again
        ctx.draft.lock(new LockInfo(id, "critical_section", label, owner, List.of(), Optional.empty(), attrs));
    }

    /** {@code 0024e750}, {@code 0x6A262820}, {@code 00000000`77fc49e0} as one lock id form: {@code 0x24e750}. */
    static String address(String hex) {
        String h = hex.replace("`", "").toLowerCase(Locale.ROOT);
        if (h.startsWith("0x")) h = h.substring(2);
        h = h.replaceFirst("^0+(?=.)", "");
        return "0x" + h;
    }
}
