package dev.ddx.backend.logs.read;

import java.util.regex.Pattern;

/**
 * Decides whether a line without a header continues the event before it: stack frames, cause
 * chains, Python tracebacks, thread dumps, indented text.
 */
public final class ContinuationParser {
    private static final Pattern CONTINUATION = Pattern.compile(
            "(?:\\s.*|Caused by:.*|Suppressed:.*|Traceback \\(most recent call last\\):.*"
                    + "|During handling of the above exception.*|The above exception was the direct cause.*"
                    + "|\\.\\.\\. \\d+ (?:more|common frames omitted).*|at [\\w$.<>]+\\(.*"
                    + "|\"[^\"]*\".*(?:prio=|tid=|nid=|daemon).*|Full thread dump.*|Thread dump.*"
                    + "|(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable)(?::.*)?"
                    + "|[A-Z][\\w]*(?:Error|Exception|Warning|Interrupt|Exit)(?::.*)?|\\}.*|\\].*)");

    private ContinuationParser() {
    }

    /** Whether the line looks like part of a multi-line event (an empty line counts). */
    public static boolean continues(String line) {
        return line.isEmpty() || CONTINUATION.matcher(line).matches();
    }
}
