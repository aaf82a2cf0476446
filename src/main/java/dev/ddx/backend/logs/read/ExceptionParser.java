package dev.ddx.backend.logs.read;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the exception in an event's text: a Java exception with its frames and {@code Caused by:}
 * chain, a Python traceback (with chained tracebacks), or a one-line {@code pkg.SomeException: message}.
 */
public final class ExceptionParser {
    private static final Pattern JAVA_HEAD = Pattern.compile(
            "(?:Caused by: |Suppressed: |Exception in thread \"[^\"]*\" )?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable|Failure|Fault)[\\w$]*)(?::\\s?(.*))?");
    private static final Pattern JAVA_FRAME = Pattern.compile("\\s*at ([\\w$.<>/]+)\\.([\\w$<>]+)\\(([^)]*)\\)");
    private static final Pattern PY_FRAME = Pattern.compile("\\s*File \"([^\"]+)\", line (\\d+), in (.+)");
    private static final Pattern PY_LAST = Pattern.compile("([A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Fault)|[A-Z]\\w*Error)(?::\\s?(.*))?");

    private ExceptionParser() {
    }

    /** Whether the text may hold an exception (a cheap test before parsing, run on every log line). */
    public static boolean mayHold(String text) {
        return mayHold(text, 0, text.length());
    }

    /** {@link #mayHold(String)} for {@code text[from, to)}: it names Exception, Error, Throwable, Traceback or "Caused by". */
    public static boolean mayHold(String text, int from, int to) {
        return has(text, from, to, "Exception") || has(text, from, to, "Error") || has(text, from, to, "Throwable")
                || has(text, from, to, "Traceback") || has(text, from, to, "Caused by");
    }

    private static boolean has(String text, int from, int to, String word) {
        int at = text.indexOf(word, from);
        return at >= 0 && at + word.length() <= to;
    }

    /** Whether a line can be a Java exception header: its pattern needs one of these words (checked before the expression). */
    private static boolean mayBeHead(String line) {
        return line.contains("Exception") || line.contains("Error") || line.contains("Throwable")
                || line.contains("Failure") || line.contains("Fault");
    }

    /** Whether a line can be a Java frame: {@code at } after leading whitespace (checked before the expression). */
    private static boolean mayBeFrame(String line) {
        int i = 0;
        while (i < line.length() && isRegexSpace(line.charAt(i))) i++;
        return line.startsWith("at ", i);
    }

    /** The characters of the expressions' {@code \s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /** The exception in the text, outermost first with its causes; empty when there is none. */
    public static Optional<ExceptionInfo> parse(String text) {
        if (!mayHold(text)) return Optional.empty();
        String[] lines = text.split("\n");
        if (text.contains("Traceback (most recent call last):")) return python(lines);
        return java(lines);
    }

    private static Optional<ExceptionInfo> java(String[] lines) {
        List<Object[]> chain = new ArrayList<>(); // {type, message, frames}
        for (String raw : lines) {
            String line = raw.strip();
            if (!chain.isEmpty() && mayBeFrame(raw)) {
                StackFrame f = javaFrame(raw);
                if (f != null) {
                    frames(chain).add(f.withIndex(frames(chain).size()));
                    continue;
                }
            }
            if (!mayBeHead(line) || !(line.startsWith("Caused by:") || chain.isEmpty())) continue;
            Matcher h = JAVA_HEAD.matcher(line);
            if (h.find()) {
                if (line.startsWith("Suppressed:")) continue;
                chain.add(new Object[] {h.group(1), h.group(2) == null ? "" : h.group(2).strip(), new ArrayList<StackFrame>()});
            }
        }
        return link(chain, ExceptionInfo.Relation.CAUSE);
    }

    @SuppressWarnings("unchecked")
    private static List<StackFrame> frames(List<Object[]> chain) {
        return (List<StackFrame>) chain.get(chain.size() - 1)[2];
    }

    /** Frames read before, by their line: the same frames recur in every trace of a log (per reading thread, bounded). */
    private static final ThreadLocal<Map<String, Optional<StackFrame>>> FRAMES = ThreadLocal.withInitial(HashMap::new);
    private static final int MAX_FRAMES = 4096;

    /** The Java frame a line holds (at index 0), or null. */
    private static StackFrame javaFrame(String raw) {
        Map<String, Optional<StackFrame>> known = FRAMES.get();
        Optional<StackFrame> f = known.get(raw);
        if (f == null) {
            Matcher m = JAVA_FRAME.matcher(raw);
            f = m.matches() ? Optional.of(javaFrame(0, m)) : Optional.empty();
            if (known.size() >= MAX_FRAMES) known.clear();
            known.put(raw, f);
        }
        return f.orElse(null);
    }

    private static StackFrame javaFrame(int index, Matcher f) {
        String where = f.group(3);
        SourceLocation loc = null;
        int colon = where.lastIndexOf(':');
        if (colon > 0) {
            try {
                loc = new SourceLocation(where.substring(0, colon), Integer.parseInt(where.substring(colon + 1)));
            } catch (NumberFormatException e) {
                loc = new SourceLocation(where, 0);
            }
        } else if (!where.isEmpty()) {
            loc = new SourceLocation(where, 0);
        }
        return StackFrame.of(index, f.group(1) + "." + f.group(2), f.group(1), loc);
    }

    /** Python prints the earliest exception first; each later block says how it relates to the one before. */
    private static Optional<ExceptionInfo> python(String[] lines) {
        List<Object[]> blocks = new ArrayList<>();
        List<StackFrame> frames = new ArrayList<>();
        ExceptionInfo.Relation next = ExceptionInfo.Relation.CAUSE;
        List<ExceptionInfo.Relation> relations = new ArrayList<>();
        boolean inTrace = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("Traceback (most recent call last):")) {
                inTrace = true;
                frames = new ArrayList<>();
                continue;
            }
            if (line.startsWith("During handling of the above exception")) next = ExceptionInfo.Relation.CONTEXT;
            if (line.startsWith("The above exception was the direct cause")) next = ExceptionInfo.Relation.CAUSE;
            Matcher f = PY_FRAME.matcher(raw);
            if (inTrace && f.matches()) {
                frames.add(StackFrame.of(0, f.group(3).strip(), "", new SourceLocation(f.group(1), Integer.parseInt(f.group(2)))));
                continue;
            }
            Matcher last = PY_LAST.matcher(line);
            if (inTrace && !raw.startsWith(" ") && last.matches()) {
                List<StackFrame> innermostFirst = new ArrayList<>();
                for (int i = frames.size() - 1; i >= 0; i--) innermostFirst.add(frames.get(i).withIndex(innermostFirst.size()));
                blocks.add(new Object[] {last.group(1), last.group(2) == null ? "" : last.group(2).strip(), innermostFirst});
                relations.add(next);
                inTrace = false;
            }
        }
        if (blocks.isEmpty()) return Optional.empty();
        ExceptionInfo cur = null;
        for (int i = 0; i < blocks.size(); i++) {
            Object[] b = blocks.get(i);
            @SuppressWarnings("unchecked") List<StackFrame> fr = (List<StackFrame>) b[2];
            Optional<ExceptionInfo.Cause> cause = cur == null ? Optional.empty()
                    : Optional.of(new ExceptionInfo.Cause(relations.get(i), cur));
            cur = new ExceptionInfo((String) b[0], (String) b[1], Optional.empty(), Optional.empty(), fr, cause, List.of());
        }
        return Optional.of(cur);
    }

    private static Optional<ExceptionInfo> link(List<Object[]> chain, ExceptionInfo.Relation relation) {
        ExceptionInfo cur = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Object[] c = chain.get(i);
            @SuppressWarnings("unchecked") List<StackFrame> fr = (List<StackFrame>) c[2];
            Optional<ExceptionInfo.Cause> cause = cur == null ? Optional.empty() : Optional.of(new ExceptionInfo.Cause(relation, cur));
            cur = new ExceptionInfo((String) c[0], (String) c[1], Optional.empty(), Optional.empty(), fr, cause, List.of());
        }
        return Optional.ofNullable(cur);
    }
}
