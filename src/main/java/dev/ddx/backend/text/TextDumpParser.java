package dev.ddx.backend.text;

import dev.ddx.backend.text.cdb.CdbSessionParser;
import dev.ddx.backend.text.gdb.GdbTextParser;
import dev.ddx.backend.text.jvm.JavaExceptionParser;
import dev.ddx.backend.text.jvm.JcmdThreadDumpParser;
import dev.ddx.backend.text.jvm.JstackParser;
import dev.ddx.backend.text.python.FaulthandlerParser;
import dev.ddx.backend.text.python.PySpyParser;
import dev.ddx.backend.text.python.PythonTracebackParser;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saved text of one file into dumps: recognises the kind, splits a file that holds several
 * thread dumps, and hands each dump to the parser of its kind. Never throws on odd text; what no
 * parser understood is left in the snapshot's unparsed ranges.
 */
public final class TextDumpParser {
    private static final Pattern JSTACK_HEADER = Pattern.compile("^Full thread dump .*$");
    private static final Pattern PYSPY_HEADER = Pattern.compile("^Process \\d+: .*$");
    private static final Pattern FAULTHANDLER_TIMEOUT = Pattern.compile("^Timeout \\(\\d+:\\d\\d:\\d\\d(?:\\.\\d+)?\\)!\\s*$");
    private static final Pattern TIMESTAMP = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d)[ T](\\d\\d:\\d\\d:\\d\\d)\\S*\\s*$");

    private TextDumpParser() {
    }

    /** The dumps in one file, in the order they appear. */
    public static List<ParsedDump> parse(TextLines file) {
        DumpKind kind = DumpKindParser.detect(file);
        List<ParsedDump> out = new ArrayList<>();
        for (TextLines part : split(file, kind)) {
            out.add(parseOne(part, kind));
        }
        return out;
    }

    /** One dump of a known kind. */
    public static ParsedDump parseOne(TextLines text, DumpKind kind) {
        DumpDraft draft = new DumpDraft(text, kind);
        switch (kind) {
            case CDB -> CdbSessionParser.parse(draft);
            case GDB -> GdbTextParser.parse(draft);
            case JSTACK -> JstackParser.parse(draft);
            case JCMD_THREADS -> JcmdThreadDumpParser.parse(draft);
            case JAVA_EXCEPTION -> JavaExceptionParser.parse(draft);
            case PYTHON_TRACEBACK -> PythonTracebackParser.parse(draft);
            case FAULTHANDLER -> FaulthandlerParser.parse(draft);
            case PY_SPY -> PySpyParser.parse(draft);
            case UNKNOWN -> draft.note("no parser recognised this text as cdb, gdb, jstack, jcmd, Java, Python "
                    + "traceback, faulthandler or py-spy output");
        }
        return new ParsedDump(kind, draft.toSnapshot(text.file()), takenAt(text));
    }

    /** A file with several thread dumps (jstack run in a loop, kill -3 several times) into one slice each. */
    static List<TextLines> split(TextLines file, DumpKind kind) {
        Pattern header = switch (kind) {
            case JSTACK -> JSTACK_HEADER;
            case PY_SPY -> PYSPY_HEADER;
            case FAULTHANDLER -> FAULTHANDLER_TIMEOUT;
            default -> null;
        };
        if (header == null) return List.of(file);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < file.size(); i++) {
            if (header.matcher(file.get(i)).matches()) {
                starts.add(i > 0 && TIMESTAMP.matcher(file.get(i - 1)).matches() ? i - 1 : i);
            }
        }
        if (starts.size() < 2) return List.of(file);
        List<TextLines> parts = new ArrayList<>();
        if (starts.get(0) > 0) starts.set(0, 0); // lines before the first header belong to it
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : file.size();
            parts.add(file.slice(starts.get(k), end));
        }
        return parts;
    }

    /** The time in a dump's first timestamp line ("2024-08-20 14:25:30"), read as UTC, or -1. */
    static long takenAt(TextLines text) {
        for (int i = 0; i < Math.min(3, text.size()); i++) {
            Matcher m = TIMESTAMP.matcher(text.get(i));
            if (m.matches()) {
                try {
                    return LocalDateTime.parse(m.group(1) + "T" + m.group(2), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                            .toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (RuntimeException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
