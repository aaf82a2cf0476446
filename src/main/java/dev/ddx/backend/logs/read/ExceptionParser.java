package dev.ddx.backend.logs.read;

import dev.ddx.backend.text.jvm.JavaFrameParser;
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
        for (String word : HOLD_WORDS) if (has(text, from, to, word)) return true;
        return false;
    }

    /** The words {@link #mayHold} looks for. */
    private static final String[] HOLD_WORDS = {"Exception", "Error", "Throwable", "Traceback", "Caused by"};
    /** The same, each up to its first space: what one whitespace-free token can hold of them. */
    private static final String[] TOKEN_WORDS = java.util.Arrays.stream(HOLD_WORDS)
            .map(w -> w.indexOf(' ') < 0 ? w : w.substring(0, w.indexOf(' '))).toArray(String[]::new);
    /** Which ASCII characters start one of {@link #TOKEN_WORDS}: the others are passed over at once. */
    private static final boolean[] WORD_START = new boolean[128];

    /** The length of the shortest of {@link #TOKEN_WORDS}. */
    private static final int SHORTEST_TOKEN_WORD = java.util.Arrays.stream(TOKEN_WORDS).mapToInt(String::length).min().orElse(0);

    static {
        for (String w : TOKEN_WORDS) WORD_START[w.charAt(0)] = true;
    }

    /**
     * Whether {@code text[from, to)} holds a word {@link #mayHold} looks for, or the part before the
     * space of one with a space ("Caused" of "Caused by"): one token's part of the check, so that a
     * message can be checked by its shape's literal words once and its value tokens alone after that.
     */
    public static boolean mayHoldPart(String text, int from, int to) {
        if (to - from < SHORTEST_TOKEN_WORD) return false; // most values: a word cannot fit
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= WORD_START.length || !WORD_START[c]) continue;
            for (String w : TOKEN_WORDS) if (c == w.charAt(0) && i + w.length() <= to && text.startsWith(w, i)) return true;
        }
        return false;
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
        if (python(text)) return python(text.split("\n"));
        List<Object[]> chain = new ArrayList<>(); // {type, message, frames}
        scanJava(text, new JavaSink() {
            @Override
            public void head(String type, String message) {
                chain.add(new Object[] {type, message, new ArrayList<StackFrame>()});
            }

            @Override
            public void frame(StackFrame f) {
                frames(chain).add(f.withIndex(frames(chain).size()));
            }
        });
        return link(chain, ExceptionInfo.Relation.CAUSE);
    }

    private static boolean python(String text) {
        return text.contains("Traceback (most recent call last):");
    }

    /**
     * What tells one exception of a log from another, read without building it: the types of its
     * chain, outermost first, and the function of the innermost one's first frame ("" when it has
     * none). The summary groups exceptions by it and builds only the first of each group in full.
     */
    public record Signature(List<String> types, String rootFrame) {
        /** The signature of a parsed exception. */
        public static Signature of(ExceptionInfo x) {
            List<ExceptionInfo> chain = x.chain();
            ExceptionInfo root = chain.get(chain.size() - 1);
            return new Signature(chain.stream().map(ExceptionInfo::type).toList(),
                    root.frames().isEmpty() ? "" : root.frames().get(0).function());
        }
    }

    /** The signature of the exception {@link #parse} finds in the text; empty when it finds none, null when only parsing tells (a Python traceback). */
    public static Optional<Signature> signature(String text) {
        if (!mayHold(text)) return Optional.empty();
        if (python(text)) return null;
        List<String> types = new ArrayList<>(2);
        String[] rootFrame = {""};
        scanJava(text, new JavaSink() {
            @Override
            public void head(String type, String message) {
                types.add(type);
                rootFrame[0] = null;
            }

            @Override
            public void frame(StackFrame f) {
                if (rootFrame[0] == null) rootFrame[0] = f.function();
            }
        });
        if (types.isEmpty()) return Optional.empty();
        return Optional.of(new Signature(types, rootFrame[0] == null ? "" : rootFrame[0]));
    }

    /** What a Java trace's reader is told, line by line. */
    private interface JavaSink {
        /** An exception of the chain: the first, or a cause of the one before. */
        void head(String type, String message);

        /** A frame of the last exception told. */
        void frame(StackFrame f);
    }

    /** Reads the text's lines one at a time (without splitting it first) as a Java exception and its causes. */
    private static void scanJava(String text, JavaSink sink) {
        boolean inChain = false;
        for (int from = 0; from < text.length(); ) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl;
            String raw = text.substring(from, to);
            from = to + 1;
            if (inChain && mayBeFrame(raw)) {
                StackFrame f = javaFrame(raw);
                if (f != null) {
                    sink.frame(f);
                    continue;
                }
            }
            String line = raw.strip();
            if (!mayBeHead(line) || !(line.startsWith("Caused by:") || !inChain)) continue;
            String[] head = javaHead(line);
            if (head != null && !line.startsWith("Suppressed:")) {
                sink.head(head[0], head[1]);
                inChain = true;
            }
        }
    }

    // A Java exception header, read by hand: the first place in the line where an optional
    // "Caused by: ", "Suppressed: " or "Exception in thread "name" " is followed by a qualified class
    // name whose last part starts with a capital and names Exception, Error, Throwable, Failure or
    // Fault (java.lang.Exception, java.lang.Error and java.lang.Throwable themselves included), and
    // then, after a ':', the message. ExceptionHeadTest compares it with the regular expression.

    private static final String[] HEAD_PREFIXES = {"Caused by: ", "Suppressed: "};
    private static final String[] TYPE_WORDS = {"Exception", "Error", "Throwable", "Failure", "Fault"};

    /** The type and message of the exception header in the line, or null. */
    static String[] javaHead(String line) {
        int n = line.length();
        boolean runTried = false; // whether the type was already tried from the run of name characters at i
        for (int i = 0; i < n; i++) {
            int after = prefixEnd(line, i);
            if (after >= 0) {
                String[] h = typeAt(line, after);
                if (h != null) return h;
            }
            char c = line.charAt(i);
            if (!nameChar(c)) {
                runTried = false;
                continue;
            }
            // every start within one run of name characters reads the same dotted name from there on
            if (!runTried && nameStart(c)) {
                runTried = true;
                String[] h = typeAt(line, i);
                if (h != null) return h;
            }
        }
        return null;
    }

    /** Where a header prefix that starts at i ends, or -1. */
    private static int prefixEnd(String line, int i) {
        char c = line.charAt(i);
        if (c == 'C' || c == 'S') {
            for (String p : HEAD_PREFIXES) if (line.startsWith(p, i)) return i + p.length();
        } else if (c == 'E' && line.startsWith("Exception in thread \"", i)) {
            int close = line.indexOf('"', i + 21);
            if (close >= 0 && close + 1 < line.length() && line.charAt(close + 1) == ' ') return close + 2;
        }
        return -1;
    }

    /** The type (a dotted name whose last part names an exception) starting at p and its message, or null. */
    private static String[] typeAt(String line, int p) {
        int n = line.length();
        // the parts of the dotted name: each starts with a letter, '_' or '$'
        int[] ends = new int[8];
        int[] starts = new int[8];
        int parts = 0;
        for (int i = p; i < n && nameStart(line.charAt(i)); ) {
            int j = i + 1;
            while (j < n && nameChar(line.charAt(j))) j++;
            if (parts == ends.length) {
                ends = java.util.Arrays.copyOf(ends, parts * 2);
                starts = java.util.Arrays.copyOf(starts, parts * 2);
            }
            starts[parts] = i;
            ends[parts++] = j;
            if (j + 1 < n && line.charAt(j) == '.') i = j + 1;
            else break;
        }
        // the longest name that works: at least one qualifier before the last part
        for (int last = parts - 1; last >= 1; last--) {
            if (!exceptionName(line, starts[last], ends[last])) continue;
            int end = ends[last];
            String message = "";
            if (end < n && line.charAt(end) == ':') {
                int m = end + 1;
                int stop = m;
                while (stop < n && !lineTerminator(line.charAt(stop))) stop++;
                message = line.substring(m, stop).strip();
            }
            return new String[] {line.substring(p, end), message};
        }
        return null;
    }

    /** Whether a name part is an exception's: a capital, then one of the words (after the first letter, or the word alone). */
    private static boolean exceptionName(String line, int from, int to) {
        char c = line.charAt(from);
        if (c < 'A' || c > 'Z') return false;
        for (String w : TYPE_WORDS) {
            int at = line.indexOf(w, from + 1);
            if (at >= 0 && at + w.length() <= to) return true;
        }
        int len = to - from;
        return (len == 9 && line.startsWith("Exception", from)) || (len == 5 && line.startsWith("Error", from))
                || (len == 9 && line.startsWith("Throwable", from));
    }

    /** {@code [a-zA-Z_$]}. */
    private static boolean nameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    /** {@code [\\w$]}: letters, digits, '_' and '$' (ASCII). */
    private static boolean nameChar(char c) {
        return nameStart(c) || (c >= '0' && c <= '9');
    }

    /** What a regular expression's '.' does not match. */
    private static boolean lineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    @SuppressWarnings("unchecked")
    private static List<StackFrame> frames(List<Object[]> chain) {
        return (List<StackFrame>) chain.get(chain.size() - 1)[2];
    }

    /** Frames read before, by their line: the same frames recur in every trace of a log (per reading thread, bounded). */
    private static final ThreadLocal<Map<String, Optional<StackFrame>>> FRAMES = ThreadLocal.withInitial(HashMap::new);
    private static final int MAX_FRAMES = 4096;

    /** The Java frame a line holds (at index 0), or null: read as a thread dump's frames are. */
    private static StackFrame javaFrame(String raw) {
        Map<String, Optional<StackFrame>> known = FRAMES.get();
        Optional<StackFrame> f = known.get(raw);
        if (f == null) {
            f = JavaFrameParser.parse(0, raw);
            if (known.size() >= MAX_FRAMES) known.clear();
            known.put(raw, f);
        }
        return f.orElse(null);
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
