package dev.ddx.backend.logs;

import dev.ddx.backend.logs.detect.CounterDetector;
import dev.ddx.backend.logs.detect.ErrorMessageDetector;
import dev.ddx.backend.logs.detect.ExceptionDetector;
import dev.ddx.pattern.Detector;
import dev.ddx.pattern.Finding;

import java.util.ArrayList;
import java.util.List;

/** The detectors that read a log summary, and running them all. */
public final class LogDetectors {
    private LogDetectors() {
    }

    public static List<Detector<?>> all() {
        return List.copyOf(typed());
    }

    /** The same detectors, typed for running over a summary. */
    public static List<Detector<LogSummary>> typed() {
        return List.of(new ErrorMessageDetector(), new ExceptionDetector(), new CounterDetector());
    }

    /** Every finding of every log detector, in detector order. */
    public static List<Finding> detect(LogSummary summary) {
        List<Finding> out = new ArrayList<>();
        for (Detector<LogSummary> d : typed()) out.addAll(d.detect(summary));
        return out;
    }
}
