package dev.ddx.report;

import dev.ddx.analysis.Culprit;
import dev.ddx.model.Snapshot;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;
import dev.ddx.pattern.BadPointer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The culprit frame as a reader sees it: the frame, why it was chosen, a few source lines around
 * it (from the file when readable, else the line text the backend captured), and the bad-pointer
 * explanation when the backend probed the crashing line.
 *
 * @param threadId   the culprit's thread, or empty
 * @param frame      the frame (its locals are shown, for Python and {@code bt full} backends)
 * @param reason     why this frame
 * @param context    source lines around the culprit line; empty when none could be read
 * @param badPointer the first NULL or unreadable dereference, in one sentence
 */
public record CulpritView(String threadId, StackFrame frame, String reason, List<SourceLine> context,
                          Optional<String> badPointer) {
    static final int AROUND = 3;

    public CulpritView {
        context = List.copyOf(context);
    }

    static CulpritView of(Snapshot s, Culprit c) {
        Optional<String> bad = BadPointer.find(s).filter(b -> b.bad().threadId().equals(c.threadId())
                || c.threadId().isEmpty()).map(BadPointer::sentence);
        return new CulpritView(c.threadId(), c.frame(), c.reason(), context(c.frame()), bad);
    }

    /** Lines around the frame's line, from its file when readable, else its captured line text. */
    static List<SourceLine> context(StackFrame f) {
        if (f.source().isEmpty() || f.source().get().line() <= 0) return List.of();
        SourceLocation loc = f.source().get();
        List<String> lines = read(loc.file());
        if (lines.size() >= loc.line()) {
            List<SourceLine> out = new ArrayList<>();
            int from = Math.max(1, loc.line() - AROUND);
            int to = Math.min(lines.size(), loc.line() + AROUND);
            for (int n = from; n <= to; n++) out.add(new SourceLine(n, lines.get(n - 1), n == loc.line()));
            return out;
        }
        return f.sourceText().map(t -> List.of(new SourceLine(loc.line(), t, true))).orElse(List.of());
    }

    private static List<String> read(String file) {
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p) || Files.size(p) > 4 << 20) return List.of();
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // an unreadable or non-UTF-8 source just means no context is shown
            return List.of();
        }
    }
}
