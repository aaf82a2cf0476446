package dev.ddx.backend.logs;

import dev.ddx.pattern.Detector;

import java.util.List;

/** The detectors that read log events. */
public final class LogDetectors {
    private LogDetectors() {
    }

    public static List<Detector<?>> all() {
        return List.of();
    }
}
