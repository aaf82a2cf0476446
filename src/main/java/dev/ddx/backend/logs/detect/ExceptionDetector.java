package dev.ddx.backend.logs.detect;

import dev.ddx.backend.logs.LogSummary;
import dev.ddx.backend.logs.summary.ExceptionGroup;
import dev.ddx.pattern.Detector;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code managed-code-exception} for each Java or Python exception group found in the logs, and
 * {@code nested-exception} when its chain has causes.
 */
public final class ExceptionDetector implements Detector<LogSummary> {
    @Override
    public String id() {
        return "log-exceptions";
    }

    @Override
    public Set<String> emits() {
        return Set.of("managed-code-exception", "nested-exception");
    }

    @Override
    public List<Finding> detect(LogSummary s) {
        List<Finding> out = new ArrayList<>();
        for (ExceptionGroup g : s.exceptions()) {
            if (out.size() >= 10) break;
            String type = g.exception().type();
            String msg = g.exception().message();
            List<Evidence> ev = new ArrayList<>();
            ev.add(Evidence.atLines(type + (msg.isEmpty() ? "" : ": " + msg) + " (" + g.count()
                    + (g.count() == 1 ? " time)" : " times)"), "log", g.first()));
            if (!g.topFrames().isEmpty()) ev.add(Evidence.atLines("thrown at " + g.topFrames().get(0), "log", g.first()));
            if (g.count() > 1) ev.add(Evidence.atLines("last occurrence", "log", g.last()));
            out.add(new Finding("managed-code-exception", type + " thrown " + g.count() + "x", g.topFrames().isEmpty() ? 0.7 : 0.9, ev));
            if (g.chain().size() > 1) {
                List<Evidence> chain = List.of(Evidence.atLines("chain: " + String.join(" <- caused by ", g.chain()), "log", g.first()));
                out.add(new Finding("nested-exception", type + " caused by " + g.chain().get(g.chain().size() - 1), 0.9, chain));
            }
        }
        return out;
    }
}
