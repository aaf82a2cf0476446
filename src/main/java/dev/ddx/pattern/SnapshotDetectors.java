package dev.ddx.pattern;

import java.util.List;

/** The detectors that read a process snapshot: crash, hang, locks, threads, counters. */
public final class SnapshotDetectors {
    private SnapshotDetectors() {
    }

    public static List<SnapshotDetector> all() {
        return List.of();
    }
}
