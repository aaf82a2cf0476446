package dev.ddx.transcript;

import dev.ddx.backend.TargetSpec;
import dev.ddx.event.SessionEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The first line of a transcript: the format version, the session's {@link SessionEvent.Started}
 * facts (ddx version, mode, target description, model, catalog version), and what replay needs
 * to run the session again: the targets as the user named them and, when the target was built
 * from a source in the project, that source (so {@code ddx replay --live} can rebuild it).
 *
 * @param format   the transcript format version ({@link TranscriptFormat#VERSION} when written)
 * @param targets  the targets of the session, paths as the user typed them; may be empty
 * @param scenario  the C source the target was built from, relative to the project
 * @param arguments the command's arguments as the user typed them (after the command name)
 */
public record TranscriptHeader(int format, Instant time, String ddxVersion, String mode, String target,
                               String model, String catalogVersion, List<TargetSpec> targets,
                               Optional<String> scenario, List<String> arguments) {

    public TranscriptHeader {
        Objects.requireNonNull(time, "time");
        ddxVersion = Objects.requireNonNullElse(ddxVersion, "");
        mode = Objects.requireNonNullElse(mode, "");
        target = Objects.requireNonNullElse(target, "");
        model = Objects.requireNonNullElse(model, "");
        catalogVersion = Objects.requireNonNullElse(catalogVersion, "");
        targets = List.copyOf(targets);
        Objects.requireNonNull(scenario, "scenario");
        arguments = List.copyOf(arguments);
    }

    /** A header for a session that starts with {@code started}, in the current format. */
    public static TranscriptHeader of(SessionEvent.Started started, List<TargetSpec> targets, Optional<String> scenario,
                                      List<String> arguments) {
        return new TranscriptHeader(TranscriptFormat.VERSION, started.time(), started.ddxVersion(), started.mode(),
                started.target(), started.model(), started.catalogVersion(), targets, scenario, arguments);
    }

    /** True when the user's arguments held this option (e.g. {@code --allow-unsafe}). */
    public boolean hasOption(String option) {
        return arguments.contains(option);
    }

    /** The value after {@code option} in the user's arguments ({@code --format json}), if any. */
    public Optional<String> option(String option) {
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (a.equals("--")) break;
            if (a.equals(option) && i + 1 < arguments.size()) return Optional.of(arguments.get(i + 1));
            if (a.startsWith(option + "=")) return Optional.of(a.substring(option.length() + 1));
        }
        return Optional.empty();
    }

    /** Every value of a repeatable option ({@code --ask Q1 --ask Q2}), in order. */
    public List<String> options(String option) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (a.equals("--")) break;
            if (a.equals(option) && i + 1 < arguments.size()) out.add(arguments.get(++i));
            else if (a.startsWith(option + "=")) out.add(a.substring(option.length() + 1));
        }
        return out;
    }

    /** The session's first event, as the header tells it. */
    public SessionEvent.Started started() {
        return new SessionEvent.Started(time, ddxVersion, mode, target, model, catalogVersion);
    }

    /** The same header with other facts of the session (for re-recording). */
    public TranscriptHeader withStarted(SessionEvent.Started s) {
        return new TranscriptHeader(TranscriptFormat.VERSION, s.time(), s.ddxVersion(), s.mode(), s.target(),
                s.model(), s.catalogVersion(), targets, scenario, arguments);
    }
}
