package dev.ddx.agent;

import java.util.Optional;

/**
 * What a question asks, as the offline analyst understands it.
 *
 * @param intent  the kind of question
 * @param thread  the thread it names ("thread 7"), if any
 * @param pattern the catalog pattern it names, if any
 * @param words   the question's words for a log search, if any
 */
public record Question(Intent intent, Optional<String> thread, Optional<String> pattern, String words) {

    /** The kinds of question the offline analyst answers. */
    public enum Intent { CRASH, BLOCKING, SPIN, LEAK, NEXT, FIX, PATTERN, THREAD, COMPARE, LOGS, OVERVIEW, UNKNOWN }
}
