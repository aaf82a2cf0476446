package dev.ddx.pattern.exception;

import dev.ddx.model.Snapshot;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.SnapshotDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * not-my-version: an installed distribution differs from its pin (or is missing), or a module was
 * loaded from an unexpected path (a local file hiding a standard library module or an installed
 * distribution). Reads the pins and paths backends record with {@link VersionNotes}.
 */
public final class NotMyVersionDetector implements SnapshotDetector {
    public static final String ID = "not-my-version";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        List<Evidence> ev = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String source = s.input().kind() + ": modules";
        for (VersionNotes.Pin p : VersionNotes.pins(s.input())) {
            if (!p.differs()) continue;
            names.add(p.distribution());
            ev.add(Evidence.of(p.installed()
                    .map(v -> p.distribution() + " " + v + " is installed, but the requirements pin " + p.pinned())
                    .orElse(p.distribution() + " is pinned to " + p.pinned() + " but is not installed"), source));
        }
        for (VersionNotes.Shadow sh : VersionNotes.shadows(s.input())) {
            names.add(sh.module());
            ev.add(Evidence.of("module " + sh.module() + " was imported from " + sh.path() + ", which hides "
                    + sh.hidden(), source));
        }
        if (ev.isEmpty()) return List.of();
        s.exception().ifPresent(e -> {
            String text = e.message() + " " + e.frames().stream().map(f -> f.module() + " " + f.label()).toList();
            names.stream().filter(text::contains).findFirst().ifPresent(n -> ev.add(Evidence.of(
                    "the failure mentions " + n + ": " + ExceptionFacts.headline(e), ExceptionFacts.source(s))));
        });
        return List.of(new Finding(ID, "Not the expected version: " + String.join(", ", names), 0.9, ev));
    }

}
