package dev.ddx.report;

/** One line of source shown around the culprit line; {@code current} marks the culprit line itself. */
public record SourceLine(int number, String text, boolean current) {
}
