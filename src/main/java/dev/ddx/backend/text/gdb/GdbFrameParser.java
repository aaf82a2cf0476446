package dev.ddx.backend.text.gdb;

import dev.ddx.backend.text.CodeOwnerPolicy;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;
import dev.ddx.model.Variable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One frame line of a gdb backtrace as printed ({@code #3  0x… in f (a=1) at x.c:12},
 * {@code … from /lib64/libc.so.6}, {@code ?? ()}, {@code <signal handler called>}) into a
 * {@link StackFrame}. Bug-report tools sometimes write {@code at /lib64/libc.so.6} for the library;
 * that is read as the module.
 */
public final class GdbFrameParser {
    static final Pattern FRAME = Pattern.compile("^#(\\d+)\\s+(.*)$");
    private static final Pattern PC = Pattern.compile("^(0x[0-9a-fA-F]+) in\\s*(.*)$");
    private static final Pattern FROM = Pattern.compile("^(.*?)\\s+from\\s+(\\S+)\\s*$");
    private static final Pattern AT_LINE = Pattern.compile("^(.*?)\\s+at\\s+(\\S.*?):(\\d+)\\s*$");
    private static final Pattern AT = Pattern.compile("^(.*?)\\s+at\\s+(\\S+)\\s*$");
    private static final Pattern SHARED_OBJECT = Pattern.compile(".*\\.so(\\.[\\w.-]*)?$|.*\\.so\\.\\d.*");
    private static final Pattern ENTRY = Pattern.compile("^\\w+@entry=");

    private GdbFrameParser() {
    }

    /** The frame of a {@code #N …} line, or empty when the line is not one. */
    public static Optional<StackFrame> parse(String line) {
        Matcher m = FRAME.matcher(line.strip());
        if (!m.matches()) return Optional.empty();
        return Optional.of(parseBody(Integer.parseInt(m.group(1)), m.group(2)));
    }

    /** The frame from what follows {@code #N}. */
    public static StackFrame parseBody(int index, String body) {
        String rest = body.strip();
        OptionalLong pc = OptionalLong.empty();
        Matcher m = PC.matcher(rest);
        if (m.matches()) {
            pc = OptionalLong.of(Long.parseUnsignedLong(m.group(1).substring(2), 16));
            rest = m.group(2).strip();
        }
        String module = "";
        SourceLocation source = null;
        if ((m = FROM.matcher(rest)).matches()) {
            rest = m.group(1);
            module = m.group(2);
        } else if ((m = AT_LINE.matcher(rest)).matches() && !rest.endsWith(")")) {
            rest = m.group(1);
            source = new SourceLocation(m.group(2), Integer.parseInt(m.group(3)));
        } else if ((m = AT.matcher(rest)).matches() && !rest.endsWith(")")) {
            rest = m.group(1);
            if (SHARED_OBJECT.matcher(m.group(2)).matches()) module = m.group(2);
            else source = new SourceLocation(m.group(2), 0);
        }
        String function = rest.strip();
        List<Variable> args = List.of();
        int open = openingParen(function);
        if (open >= 0) {
            args = arguments(function.substring(open + 1, function.length() - 1));
            function = function.substring(0, open).strip();
        }
        String file = source == null ? "" : source.file();
        return new StackFrame(index, function, module, Optional.ofNullable(source), pc, args, List.of(),
                Optional.empty(), CodeOwnerPolicy.nativeFrame(function, module, file));
    }

    /** The index of the '(' that opens the argument list closing the text, or -1. */
    private static int openingParen(String s) {
        if (!s.endsWith(")") || s.startsWith("<")) return -1;
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && --depth == 0) return i;
        }
        return -1;
    }

    /** {@code a=1, b=b@entry=0x10 "x, y"} into variables, splitting at top-level commas only. */
    static List<Variable> arguments(String text) {
        List<Variable> out = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            if (eq <= 0) {
                out.add(new Variable("", "", p));
                continue;
            }
            String value = ENTRY.matcher(p.substring(eq + 1).strip()).replaceFirst("");
            out.add(new Variable(p.substring(0, eq).strip(), "", value));
        }
        return out;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) quoted = !quoted;
            if (quoted) continue;
            if (c == '(' || c == '{' || c == '[') depth++;
            else if (c == ')' || c == '}' || c == ']') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
