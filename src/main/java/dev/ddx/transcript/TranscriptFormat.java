package dev.ddx.transcript;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ddx.event.SessionEvent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The transcript file format: JSON Lines, UTF-8. Line 1 is the header ({@code "type":"header"},
 * {@code "format"}: the format version); every later line is one {@link SessionEvent}, its
 * {@code "type"} the simple name of the event record ({@code "ToolCall"}, {@code "Answer"}…)
 * and its other fields the record's components.
 *
 * <p>A reader of version N reads every version up to N and refuses newer ones; within one
 * version, fields it does not know are ignored so that additive changes stay readable.
 */
public final class TranscriptFormat {
    /** The format version this ddx writes and the newest it reads. */
    public static final int VERSION = 1;
    /** The {@code type} of the first line. */
    public static final String HEADER_TYPE = "header";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<? extends SessionEvent>> TYPES = eventTypes();

    private TranscriptFormat() {
    }

    /** The mapper every transcript is written and read with (ISO instants, Optionals as values or null). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The name an event type is written under. */
    public static String typeName(SessionEvent event) {
        return event.getClass().getSimpleName();
    }

    /** The event record a type name stands for, if this ddx knows it. */
    public static Optional<Class<? extends SessionEvent>> eventType(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** Every event type this ddx knows, by name. */
    public static Map<String, Class<? extends SessionEvent>> eventTypes() {
        Map<String, Class<? extends SessionEvent>> m = new LinkedHashMap<>();
        for (Class<?> c : SessionEvent.class.getPermittedSubclasses()) {
            m.put(c.getSimpleName(), c.asSubclass(SessionEvent.class));
        }
        return Collections.unmodifiableMap(m);
    }
}
