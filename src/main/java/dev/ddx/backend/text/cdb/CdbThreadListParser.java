package dev.ddx.backend.text.cdb;

import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cdb's thread list ({@code ~}) and the thread headers of {@code ~*k}: debugger thread number,
 * process and thread ids, {@code .} for the current thread and {@code #} for the thread that raised
 * the last exception.
 */
final class CdbThreadListParser {
    static final Pattern ROW = Pattern.compile(
            "^\\s*([.#])?\\s*(\\d+)\\s+[iI]d:\\s+([0-9a-fA-F]+)\\.([0-9a-fA-F]+)(?:\\s+Suspend:\\s*-?\\d+)?"
                    + "\\s+Teb:?\\s+([0-9a-fA-F`]+)\\s+(\\w+).*$");

    private CdbThreadListParser() {
    }

    /** The thread of a header or list row, added to the draft; empty when the line is not one. */
    static Optional<String> row(CdbContext ctx, String line) {
        Matcher m = ROW.matcher(line);
        if (!m.matches()) return Optional.empty();
        String id = m.group(2);
        long tid = Long.parseLong(m.group(4), 16);
        if ("#".equals(m.group(1))) {
            ctx.faultingThread = id;
        }
        ctx.draft.pid(Long.parseLong(m.group(3), 16));
        ctx.draft.thread(new TargetThread(id, OptionalLong.of(tid), "", ThreadState.UNKNOWN, Optional.empty(), false,
                List.of()));
        return Optional.of(id);
    }

    static void parse(CdbContext ctx, int from, int to) {
        for (int i = from; i < to; i++) {
            if (row(ctx, ctx.draft.text().get(i)).isPresent()) ctx.draft.understood(i);
        }
    }
}
