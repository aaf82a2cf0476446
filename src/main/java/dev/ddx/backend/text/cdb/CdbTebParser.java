package dev.ddx.backend.text.cdb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code !teb}: the thread's stack base and limit and its client id, noted so a reader can judge a
 * stack overflow (how much stack the thread had committed).
 */
final class CdbTebParser {
    private static final Pattern HEAD = Pattern.compile("^\\s*TEB at ([0-9a-fA-F`]+)\\s*(?:`+)?\\s*$");
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z][\\w ]*?):\\s+(.*?)\\s*(?:`+)?\\s*$");

    private CdbTebParser() {
    }

    static void parse(CdbContext ctx, int from, int to) {
        String base = null;
        String limit = null;
        String client = null;
        for (int i = from; i < to; i++) {
            String s = ctx.draft.text().get(i);
            Matcher m;
            if (HEAD.matcher(s).matches()) {
                ctx.draft.understood(i);
            } else if ((m = FIELD.matcher(s)).matches()) {
                switch (m.group(1)) {
                    case "StackBase" -> base = m.group(2);
                    case "StackLimit" -> limit = m.group(2);
                    case "ClientId" -> client = m.group(2).replace(" ", "");
                    default -> { }
                }
                ctx.draft.understood(i);
            }
        }
        if (base == null || limit == null) return;
        String size = "";
        try {
            long b = Long.parseUnsignedLong(base.replace("`", ""), 16);
            long l = Long.parseUnsignedLong(limit.replace("`", ""), 16);
            size = " (" + (b - l) / 1024 + " KB committed)";
        } catch (NumberFormatException e) {
            // leave the size out
        }
        ctx.draft.note("!teb" + (client == null ? "" : " of " + client) + ": stack base " + base + ", limit " + limit + size);
    }
}
