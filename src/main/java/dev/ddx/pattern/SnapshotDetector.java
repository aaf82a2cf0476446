package dev.ddx.pattern;

import dev.ddx.model.Snapshot;

/** A detector over a process snapshot (native, Python, JVM, Windows alike). */
public interface SnapshotDetector extends Detector<Snapshot> {
}
