package dev.ddx.model;

/** A named value as the debugger printed it; {@code value} is a bounded repr, {@code type} may be empty. */
public record Variable(String name, String type, String value) {
    public Variable {
        name = name == null ? "" : name;
        type = type == null ? "" : type;
        value = value == null ? "" : value;
    }
}
