package dev.ddx.backend.text;

import dev.ddx.pattern.SnapshotDetector;

import java.util.List;

/** Detectors that need more than one snapshot of saved text (several jstack dumps in a row). */
public final class DumpDetectors {
    private DumpDetectors() {
    }

    public static List<SnapshotDetector> all() {
        return List.of(new BlockedAcrossDumpsDetector());
    }
}
