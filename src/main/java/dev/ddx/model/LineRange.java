package dev.ddx.model;

/** Lines {@code first..last} (1-based, inclusive) of a named input. */
public record LineRange(String file, int first, int last) {
    @Override
    public String toString() {
        return first == last ? file + ":" + first : file + ":" + first + "-" + last;
    }
}
