package dev.ddx.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Every detector ddx has, by area. The catalog's {@code detector} fields and the ids findings use
 * are checked against this list by tests.
 */
public final class DetectorRegistry {
    private DetectorRegistry() {
    }

    /** The detectors that read a snapshot, whatever backend produced it. */
    public static List<SnapshotDetector> snapshotDetectors() {
        List<SnapshotDetector> all = new ArrayList<>();
        all.addAll(SnapshotDetectors.all());
        all.addAll(dev.ddx.pattern.exception.ExceptionDetectors.all());
        all.addAll(dev.ddx.backend.text.DumpDetectors.all());
        return all;
    }

    /** All detectors of every area. */
    public static List<Detector<?>> all() {
        List<Detector<?>> all = new ArrayList<>();
        all.addAll(snapshotDetectors());
        all.addAll(dev.ddx.backend.logs.LogDetectors.all());
        return all;
    }
}
