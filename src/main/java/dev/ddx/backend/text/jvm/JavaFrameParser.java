package dev.ddx.backend.text.jvm;

import dev.ddx.backend.text.CodeOwnerPolicy;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java stack frame as the JVM prints it: {@code at pkg.Cls.method(File.java:12)},
 * {@code at java.io.X.read(java.base@25/Native Method)}, or the {@code jcmd Thread.dump_to_file}
 * form without "at" and with the module first ({@code java.base/java.lang.Thread.sleep(Thread.java:509)}).
 */
public final class JavaFrameParser {
    private static final Pattern FRAME = Pattern.compile("^\\s*(?:at\\s+)?([\\w$.<>/@\\-+]+)\\((.*)\\)\\s*(?:~?\\[.*\\])?\\s*$");
    private static final Pattern AT = Pattern.compile("^\\s*at\\s+.*$");
    private static final Pattern LOCATION = Pattern.compile("^(?:[\\w.\\-]+(?:@[^/]*)?/)?([^:/]+?)(?::(\\d+))?$");

    private JavaFrameParser() {
    }

    /** True when the line starts with "at " after its indent (a frame of a thread dump or an exception). */
    public static boolean isAtLine(String line) {
        return AT.matcher(line).matches();
    }

    /** The frame of a line, or empty when it is not one. */
    public static Optional<StackFrame> parse(int index, String line) {
        Matcher m = FRAME.matcher(line);
        if (!m.matches()) return Optional.empty();
        String method = m.group(1);
        int slash = method.lastIndexOf('/');
        if (slash >= 0) method = method.substring(slash + 1); // jcmd: module/class.method
        if (method.isEmpty() || !method.contains(".") && !method.contains("$")) return Optional.empty();
        int dot = method.lastIndexOf('.');
        String cls = dot > 0 ? method.substring(0, dot) : method;
        SourceLocation source = null;
        Matcher loc = LOCATION.matcher(m.group(2).strip());
        if (loc.matches() && !loc.group(1).equals("Native Method") && !loc.group(1).equals("Unknown Source")) {
            source = new SourceLocation(loc.group(1), loc.group(2) == null ? 0 : Integer.parseInt(loc.group(2)));
        }
        return Optional.of(new StackFrame(index, method, cls, Optional.ofNullable(source), OptionalLong.empty(),
                List.of(), List.of(), Optional.empty(), CodeOwnerPolicy.java(method)));
    }
}
