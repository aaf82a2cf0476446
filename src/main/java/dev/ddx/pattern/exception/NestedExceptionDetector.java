package dev.ddx.pattern.exception;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.SnapshotDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * nested-exception: the exception has a chain of two or more links (Python {@code raise … from …}
 * or an exception raised while handling another; Java {@code Caused by:}). The evidence lists
 * each link with the frame it was raised in, outermost first, and names the innermost cause.
 */
public final class NestedExceptionDetector implements SnapshotDetector {
    public static final String ID = "nested-exception";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        if (s.exception().isEmpty()) return List.of();
        List<ExceptionInfo> chain = s.exception().get().chain();
        if (chain.size() < 2) return List.of();
        List<Evidence> ev = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            ExceptionInfo link = chain.get(i);
            StringBuilder fact = new StringBuilder();
            if (i == 0) {
                fact.append("raised last: ");
            } else {
                ExceptionInfo.Relation r = chain.get(i - 1).cause().orElseThrow().relation();
                fact.append(r == ExceptionInfo.Relation.CAUSE ? "explicit cause (raise … from): "
                        : "raised while handling: ");
            }
            fact.append(ExceptionFacts.headline(link));
            if (!link.frames().isEmpty()) fact.append(" — in ").append(ExceptionFacts.frame(link.frames().get(0)));
            // only the outermost link's frames are the thread's stack; earlier links have their own
            ev.add(i == 0 && !link.frames().isEmpty() ? ExceptionFacts.onFrame(s, link, link.frames().get(0), fact.toString())
                    : ExceptionFacts.onException(s, chain.get(0), fact.toString()));
        }
        ExceptionInfo root = chain.get(chain.size() - 1);
        String title = "Chain of " + chain.size() + " exceptions: " + chain.get(0).type() + " ← … ← "
                + ExceptionFacts.headline(root) + " (the first failure)";
        if (chain.size() == 2) {
            title = "Chain of 2 exceptions: " + chain.get(0).type() + " raised over " + ExceptionFacts.headline(root);
        }
        return List.of(new Finding(ID, title, 1.0, ev));
    }
}
