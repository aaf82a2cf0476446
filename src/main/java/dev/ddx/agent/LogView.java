package dev.ddx.agent;

import dev.ddx.pattern.Finding;

import java.util.List;

/**
 * The logs of a chat session as the agent's tools see them: a summary, a search, and the
 * findings the log detectors raised. Implemented over the logs backend's session; a recorded
 * view answers in replay.
 */
public interface LogView extends AutoCloseable {

    /** The sources read ("app.log, worker.log"). */
    String describe();

    /** The summary as text for the model: counts by level, incidents, top templates. */
    String summary();

    /** Up to {@code limit} events whose text contains {@code text}, one per line with file:line. */
    String search(String text, int limit);

    /** Findings the log detectors raised; never null. */
    List<Finding> findings();

    /** Releases what the view holds (spooled files); idempotent. */
    @Override
    default void close() {
    }
}
