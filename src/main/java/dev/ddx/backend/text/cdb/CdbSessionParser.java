package dev.ddx.backend.text.cdb;

import dev.ddx.backend.text.DumpDraft;
import dev.ddx.backend.text.TextLines;
import dev.ddx.model.Snapshot;

import java.util.List;

/** Placeholder until the cdb parsers land. */
public final class CdbSessionParser {
    private CdbSessionParser() {
    }

    public static void parse(DumpDraft draft) {
    }

    public static Snapshot resolve(Snapshot s) {
        return s;
    }

    public static List<CdbExchange> exchanges(TextLines text) {
        return List.of();
    }
}
