package dev.ddx.pattern;

import java.util.List;

/** The detectors that read a process snapshot: crash, hang, locks, threads, counters. */
public final class SnapshotDetectors {
    private SnapshotDetectors() {
    }

    public static List<SnapshotDetector> all() {
        return List.of(
                new CrashDetector(),
                new HangDetector(),
                new StackTraceCollectionDetector(),
                new StackTraceSetDetector(),
                new ExceptionModuleDetector(),
                new OriginModuleDetector(),
                new SoftwareExceptionDetector(),
                new HeapCorruptionDetector(),
                new StackOverflowDetector(),
                new BlockedThreadDetector(),
                new WaitChainDetector(),
                new DeadlockDetector(),
                new BlockingModuleDetector(),
                new SpikingThreadDetector(),
                new MemoryLeakDetector(),
                new HandleLeakDetector(),
                new LivelockDetector());
    }
}
