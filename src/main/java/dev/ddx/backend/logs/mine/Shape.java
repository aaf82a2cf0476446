package dev.ddx.backend.logs.mine;

import dev.ddx.backend.logs.read.AsciiBytes;

/**
 * The masked form of messages that read the same once values are masked, and how often it was seen.
 * Mining groups shapes into templates.
 */
public final class Shape {
    final String[] tokens;
    /** Where each token's {@code <*>} starts, or -1: looked up per line, so computed once. */
    final int[] wildcards;
    /** The literal tokens (those without {@code <*>}) as padded ASCII bytes (see {@link AsciiBytes#padded}); null for the others. */
    final byte[][] literals;
    /**
     * For the per-line match of an ASCII line: at the first token k of each run of literal tokens, the
     * run joined by single spaces as padded bytes ({@link AsciiBytes#padded}; null when one of them is
     * not ASCII), compared in one go; {@link #runEnds} is the token after the run, {@link #runOffsets}
     * each literal token's place in its run.
     */
    final byte[][] runs;
    final int[] runEnds;
    final int[] runOffsets;
    /**
     * Per value token, what the last ASCII value that masked to it byte-wise held before its closing
     * run of digits (null: none yet; padded like a line), and that head's length: a value of the same
     * head and other digits masks the same way ({@link Tokens}). Written by the one thread that reads
     * with this shape's miner.
     */
    final byte[][] valueHeads;
    final int[] valueHeadLengths;
    /** The positions of the tokens that hold a {@code <*>}, in order: the per-line readers of values visit only these. */
    private final int[] params;
    final String key;
    final long order;
    long count;
    Template template;

    Shape(String[] tokens, String key, long order) {
        this.tokens = tokens;
        this.wildcards = new int[tokens.length];
        this.literals = new byte[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            wildcards[i] = tokens[i].indexOf(TokenMasker.WILDCARD);
            if (wildcards[i] < 0) literals[i] = AsciiBytes.padded(tokens[i]);
        }
        this.valueHeads = new byte[tokens.length][];
        this.valueHeadLengths = new int[tokens.length];
        this.runs = new byte[tokens.length][];
        this.runEnds = new int[tokens.length];
        this.runOffsets = new int[tokens.length];
        for (int k = 0; k < tokens.length; ) {
            if (wildcards[k] >= 0) {
                k++;
                continue;
            }
            int end = k;
            int length = -1;
            for (; end < tokens.length && wildcards[end] < 0; end++) {
                runOffsets[end] = length + 1;
                length += 1 + tokens[end].length();
            }
            runs[k] = AsciiBytes.padded(String.join(" ", java.util.Arrays.asList(tokens).subList(k, end)));
            runEnds[k] = end;
            k = end;
        }
        this.params = java.util.stream.IntStream.range(0, tokens.length).filter(i -> wildcards[i] >= 0).toArray();
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

    /** How many tokens hold a {@code <*>}: the shape's parameters. */
    public int wildcards() {
        return params.length;
    }

    /** The position of the k-th token that holds a {@code <*>} (k below {@link #wildcards()}). */
    public int param(int k) {
        return params[k];
    }

    /** Where the masked token at position i has its {@code <*>}, or -1 when it has none. */
    public int wildcard(int i) {
        return wildcards[i];
    }

    /** Whether these (unmasked) tokens mask to exactly this shape. */
    boolean fits(Tokens raw) {
        if (raw.size() != tokens.length) return false;
        for (int i = 0; i < tokens.length; i++) {
            // a token without <*> was left as it was, so only an equal token masks to it
            if (wildcards[i] < 0 ? !raw.is(i, tokens[i]) : !TokenMasker.masksTo(raw, i, tokens[i], wildcards[i])) return false;
        }
        return true;
    }

    public String key() {
        return key;
    }
}
