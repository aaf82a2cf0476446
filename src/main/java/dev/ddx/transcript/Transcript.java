package dev.ddx.transcript;

import dev.ddx.event.SessionEvent;

import java.nio.file.Path;
import java.util.List;

/**
 * A transcript as read back: its header, its events in the order they happened, and warnings
 * about what reading had to skip (a truncated last line).
 */
public record Transcript(Path file, TranscriptHeader header, List<SessionEvent> events, List<String> warnings) {
    public Transcript {
        events = List.copyOf(events);
        warnings = List.copyOf(warnings);
    }

    /** The events of one type, in order. */
    public <T extends SessionEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
