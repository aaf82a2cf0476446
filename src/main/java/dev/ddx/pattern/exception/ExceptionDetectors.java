package dev.ddx.pattern.exception;

import dev.ddx.pattern.SnapshotDetector;

import java.util.List;

/** The detectors that read exceptions in a snapshot (Python, Java, .NET): chains, stacks, versions. */
public final class ExceptionDetectors {
    private ExceptionDetectors() {
    }

    public static List<SnapshotDetector> all() {
        return List.of(new ManagedCodeExceptionDetector(), new NestedExceptionDetector(),
                new ExceptionStackTraceDetector(), new NotMyVersionDetector());
    }
}
