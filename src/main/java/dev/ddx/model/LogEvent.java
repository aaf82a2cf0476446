package dev.ddx.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a log: a line, or several folded into one (a traceback, a thread dump).
 *
 * @param file       the source (file path, "-" for stdin, a Loki/Elasticsearch source name)
 * @param firstLine  first line number in the source (1-based)
 * @param lastLine   last line number in the source
 * @param time       the event's timestamp, when the header had one
 * @param level      the level as normalised (ERROR, WARN, INFO, DEBUG, TRACE, FATAL) or empty
 * @param thread     the thread name or id from the header, or empty
 * @param component  logger / component / process name, or empty
 * @param message    the content after the header (folded lines joined with newlines)
 * @param templateId the mined template's id, or empty before mining
 * @param template   the mined template text with {@code <*>} for parameters, or empty
 * @param parameters the values that stood for {@code <*>}, in order
 */
public record LogEvent(
        String file,
        int firstLine,
        int lastLine,
        Optional<Instant> time,
        String level,
        String thread,
        String component,
        String message,
        String templateId,
        String template,
        List<String> parameters) {

    public LogEvent {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(time, "time");
        level = level == null ? "" : level;
        thread = thread == null ? "" : thread;
        component = component == null ? "" : component;
        message = message == null ? "" : message;
        templateId = templateId == null ? "" : templateId;
        template = template == null ? "" : template;
        parameters = List.copyOf(parameters);
    }

    public LineRange lines() {
        return new LineRange(file, firstLine, lastLine);
    }

    public LogEvent withTemplate(String id, String text, List<String> params) {
        return new LogEvent(file, firstLine, lastLine, time, level, thread, component, message, id, text, params);
    }
}
