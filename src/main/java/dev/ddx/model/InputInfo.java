package dev.ddx.model;

import java.util.List;
import java.util.Objects;

/**
 * What input a snapshot was built from, and what of it could not be parsed, so a summary can say
 * so instead of dropping it silently.
 *
 * @param kind        what was read: "gdb core", "gdb attach", "jstack thread dump", "cdb !analyze -v", …
 * @param description the file, pid or command line
 * @param unparsed    line ranges of the input that no parser understood
 * @param notes       things the backend wants the reader to know (missing symbols, partial data)
 */
public record InputInfo(String kind, String description, List<LineRange> unparsed, List<String> notes) {
    public InputInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        unparsed = List.copyOf(unparsed);
        notes = List.copyOf(notes);
    }

    public static InputInfo of(String kind, String description) {
        return new InputInfo(kind, description, List.of(), List.of());
    }

    public InputInfo withNote(String note) {
        List<String> n = new java.util.ArrayList<>(notes);
        n.add(note);
        return new InputInfo(kind, description, unparsed, n);
    }
}
