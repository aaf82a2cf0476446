package dev.ddx.backend.logs.mine;

/**
 * The masked form of messages that read the same once values are masked, and how often it was seen.
 * Mining groups shapes into templates.
 */
public final class Shape {
    final String[] tokens;
    final String key;
    final long order;
    long count;
    Template template;

    Shape(String[] tokens, String key, long order) {
        this.tokens = tokens;
        this.key = key;
        this.order = order;
    }

    /** The order in which this shape was first seen (0 first). */
    public long order() {
        return order;
    }

    public long count() {
        return count;
    }

    /** The template this shape belongs to, after {@link TemplateMiner#mine()}; null before. */
    public Template template() {
        return template;
    }

    /** How many tokens the shape has. */
    public int size() {
        return tokens.length;
    }

    /** The masked token at position i ({@code <*>} or e.g. {@code blk_<*>} for values). */
    public String token(int i) {
        return tokens[i];
    }

    public String key() {
        return key;
    }
}
