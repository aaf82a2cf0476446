package dev.ddx.backend.text.cdb;

import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The stacks of {@code k}, {@code kb}, {@code kp}, {@code kn}, {@code kv} (one thread) and of
 * {@code ~*k}/{@code ~*kb} (a thread header before each stack), in x86 and x64 layouts.
 */
final class CdbStackParser {
    static final Pattern HEADER = Pattern.compile("^\\s*(?:#\\s+)?(?:ChildEBP|Child-SP|FramePtr)\\s+RetAddr.*$"
            + "|^\\s*\\*\\*\\* Stack trace for last set context.*$|^\\s*WARNING: (?:Stack unwind|Frame IP not in any known module).*$");
    static final Pattern ELISION = Pattern.compile("^\\s*\\.{3,}\\s*$");

    private CdbStackParser() {
    }

    /**
     * Reads lines {@code from..to-1} as the stacks of a stack command.
     *
     * @param thread the thread the command showed (from {@code ~4 kb} or the prompt); ignored where headers name threads
     * @param strict when true (no command names the text), only frames with a {@code module!function} site count
     */
    static void parse(CdbContext ctx, int from, int to, String thread, boolean strict) {
        String current = thread;
        OptionalLong tid = OptionalLong.empty();
        List<StackFrame> frames = new ArrayList<>();
        boolean seenHeader = !strict;
        for (int i = from; i < to; i++) {
            String s = ctx.draft.text().get(i);
            Optional<String> header = CdbThreadListParser.row(ctx, s);
            if (header.isPresent()) {
                flush(ctx, current, frames);
                current = header.get();
                frames = new ArrayList<>();
                ctx.draft.understood(i);
                continue;
            }
            if (HEADER.matcher(s).matches()) {
                seenHeader = true;
                ctx.draft.understood(i);
                continue;
            }
            if (ELISION.matcher(s).matches()) {
                ctx.draft.understood(i);
                continue;
            }
            Optional<StackFrame> f = CdbFrameParser.parse(s, frames.size());
            if (f.isPresent() && (seenHeader || !f.get().module().isEmpty())) {
                frames.add(f.get());
                ctx.draft.understood(i);
            }
        }
        flush(ctx, current, frames);
    }

    private static void flush(CdbContext ctx, String thread, List<StackFrame> frames) {
        if (frames.isEmpty()) return;
        String id = thread.isEmpty() ? "0" : thread;
        ctx.draft.thread(new TargetThread(id, OptionalLong.empty(), "", ThreadState.UNKNOWN, Optional.empty(), false,
                List.copyOf(frames)));
    }
}
