package dev.ddx.backend.logs.detect;

import dev.ddx.backend.logs.LogSummary;
import dev.ddx.backend.logs.summary.TemplateStat;
import dev.ddx.pattern.Detector;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code error-message}: templates logged at ERROR or FATAL, most frequent first (at most five); in a
 * log that gives no levels, templates whose words say error (with less confidence, and the word named).
 */
public final class ErrorMessageDetector implements Detector<LogSummary> {
    @Override
    public String id() {
        return "log-errors";
    }

    @Override
    public Set<String> emits() {
        return Set.of("error-message");
    }

    @Override
    public List<Finding> detect(LogSummary s) {
        List<Finding> out = new ArrayList<>();
        for (TemplateStat t : s.problems()) {
            if (out.size() >= 5) break;
            if (!t.level().equals("ERROR") && !t.level().equals("FATAL")) continue;
            List<Evidence> ev = new ArrayList<>();
            String level = t.levelFrom().isEmpty() ? t.level() : t.level() + " by the word \"" + t.levelFrom() + "\" (no level logged)";
            ev.add(Evidence.atLines(level + " \"" + t.example() + "\" (template " + t.id() + ", " + t.count()
                    + (t.count() == 1 ? " time" : " times") + ")", "log", t.first()));
            if (t.count() > 1) ev.add(Evidence.atLines("last time: " + t.template(), "log", t.last()));
            double confidence = (t.level().equals("FATAL") ? 0.95 : 0.9) - (t.levelFrom().isEmpty() ? 0 : 0.3);
            out.add(new Finding("error-message", "Error logged " + t.count() + "x: " + t.template(), confidence, ev));
        }
        return out;
    }
}
