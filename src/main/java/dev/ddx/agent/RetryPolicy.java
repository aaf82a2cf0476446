package dev.ddx.agent;

import java.time.Duration;

/**
 * How often a failed model call is tried again and how long to wait between tries (doubling
 * each time). Authentication failures and bad requests are never retried.
 *
 * @param attempts      total tries including the first, at least 1
 * @param firstDelay    wait before the second try
 * @param maxToolErrors malformed or hallucinated tool calls tolerated in one answer before falling back
 */
public record RetryPolicy(int attempts, Duration firstDelay, int maxToolErrors) {
    public RetryPolicy {
        attempts = Math.max(1, attempts);
    }

    /** Three tries, 1 s then 2 s apart; three malformed tool calls. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofSeconds(1), 3);
    }

    public Duration delayBefore(int attempt) {
        return firstDelay.multipliedBy(1L << Math.max(0, Math.min(attempt - 2, 10)));
    }
}
