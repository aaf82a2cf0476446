package dev.ddx.agent;

/**
 * The model could not give an answer after the retries: it timed out, was rate-limited, failed
 * on the server, or kept making malformed tool calls. The conversation falls back to the offline
 * analyst with a one-line notice.
 */
public final class ModelFailedException extends RuntimeException {
    public ModelFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
