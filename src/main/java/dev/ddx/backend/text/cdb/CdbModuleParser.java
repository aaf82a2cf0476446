package dev.ddx.backend.text.cdb;

import dev.ddx.model.LoadedModule;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lm} and {@code lmv}: module name, start and end address, symbol status and path, and in
 * the verbose form the image path, timestamp and file version. Unloaded modules are noted, not listed.
 */
final class CdbModuleParser {
    private static final Pattern HEAD = Pattern.compile("^\\s*start\\s+end\\s+module name\\s*$");
    private static final Pattern ROW = Pattern.compile(
            "^([0-9a-fA-F`]{8,17})\\s+([0-9a-fA-F`]{8,17})\\s+([\\w.\\-]+)\\s*(?:\\(([^)]*)\\))?\\s*(.*?)\\s*$");
    private static final Pattern DETAIL = Pattern.compile("^\\s+([A-Z][\\w ]*?):\\s+(.*?)\\s*$");
    private static final Pattern NOISE = Pattern.compile("^\\s*(Browse full module list|Browse all global symbols.*"
            + "|Unloaded modules:|Unable to enumerate .*|Translations:.*)\\s*$");

    private CdbModuleParser() {
    }

    /** @param strict when true (no lm command names the text), rows count only after the column header */
    static void parse(CdbContext ctx, int from, int to, boolean strict) {
        boolean header = !strict;
        boolean unloaded = false;
        int unloadedCount = 0;
        Row row = null;
        for (int i = from; i < to; i++) {
            String s = ctx.draft.text().get(i);
            Matcher m;
            if (HEAD.matcher(s).matches() || NOISE.matcher(s).matches()) {
                header |= HEAD.matcher(s).matches();
                if (s.strip().startsWith("Unloaded modules")) unloaded = true;
            } else if (header && (m = ROW.matcher(s)).matches()) {
                add(ctx, row);
                row = null;
                if (unloaded) unloadedCount++;
                else row = new Row(m);
            } else if (row != null && (m = DETAIL.matcher(s)).matches()) {
                row.detail(m.group(1), m.group(2));
            } else {
                continue;
            }
            ctx.draft.understood(i);
        }
        add(ctx, row);
        if (unloadedCount > 0) ctx.draft.note(unloadedCount + " unloaded module(s) listed by lm");
    }

    private static void add(CdbContext ctx, Row r) {
        if (r == null) return;
        String status = r.status == null ? "" : r.status;
        boolean symbols = status.contains("pdb symbols") || status.contains("export symbols")
                || status.contains("private") || status.contains("public");
        ctx.draft.module(new LoadedModule(r.name, r.path.isEmpty() ? r.name : r.path, Optional.empty(),
                OptionalLong.of(r.start), OptionalLong.of(r.end), Optional.ofNullable(r.version),
                Optional.ofNullable(r.timestamp), symbols));
    }

    /** One module row and the verbose details under it. */
    private static final class Row {
        final String name;
        final long start;
        final long end;
        final String status;
        String path = "";
        String version;
        String timestamp;

        Row(Matcher m) {
            start = Long.parseUnsignedLong(m.group(1).replace("`", ""), 16);
            end = Long.parseUnsignedLong(m.group(2).replace("`", ""), 16);
            name = m.group(3);
            status = m.group(4);
            if (m.group(5) != null && !m.group(5).isBlank()) path = m.group(5);
        }

        void detail(String key, String value) {
            switch (key) {
                case "Image path" -> path = value;
                case "Timestamp" -> timestamp = value;
                case "File version", "Product version" -> {
                    if (version == null) version = value;
                }
                default -> { }
            }
        }
    }
}
