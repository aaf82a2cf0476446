package dev.ddx.backend.gdb;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what gdb's CPython support prints for {@code thread apply all py-bt}: per thread (keyed by
 * LWP), the Python frames innermost first, with file, line, function and the source line text.
 */
public final class CPythonStackParser {
    private static final Pattern THREAD = Pattern.compile("^Thread \\d+ \\(.*?\\(LWP (\\d+)\\).*\\):\\s*$");
    private static final Pattern FILE = Pattern.compile("^\\s+File \"(.+)\", line (\\d+), in (.+?)\\s*$");
    private static final Pattern BUILTIN = Pattern.compile("^\\s+<built-in (?:method|function) (\\S+).*>\\s*$");

    private CPythonStackParser() {
    }

    /** Python frames by LWP, innermost first; threads without Python frames are left out. */
    public static Map<Long, List<StackFrame>> parse(String text) {
        Map<Long, List<StackFrame>> out = new LinkedHashMap<>();
        List<StackFrame> current = null;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher t = THREAD.matcher(line);
            if (t.matches()) {
                current = new ArrayList<>();
                out.put(Long.parseLong(t.group(1)), current);
                continue;
            }
            if (current == null) continue;
            Matcher b = BUILTIN.matcher(line);
            if (b.matches()) {
                current.add(new StackFrame(current.size(), b.group(1), "builtins", Optional.empty(), OptionalLong.empty(),
                        List.of(), List.of(), Optional.empty(), CodeOwner.SYSTEM));
                continue;
            }
            Matcher f = FILE.matcher(line);
            if (!f.matches()) continue;
            String file = f.group(1);
            Optional<String> text1 = Optional.empty();
            if (i + 1 < lines.length && lines[i + 1].startsWith("    ") && !FILE.matcher(lines[i + 1]).matches()) {
                text1 = Optional.of(lines[i + 1].strip());
                i++;
            }
            current.add(new StackFrame(current.size(), f.group(3), module(file),
                    Optional.of(new SourceLocation(file, Integer.parseInt(f.group(2)))), OptionalLong.empty(),
                    List.of(), List.of(), text1, owner(file)));
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }

    /** True when gdb answered that it has no py-bt command. */
    public static boolean unsupported(String text) {
        return text.contains("Undefined command: \"py-bt\"") || text.contains("Undefined command: \\\"py-bt\\\"");
    }

    static CodeOwner owner(String file) {
        if (file.contains("/site-packages/") || file.contains("/dist-packages/")) return CodeOwner.LIBRARY;
        if (file.matches("^(/usr(/local)?|/opt/[^/]+|.*/\\.pyenv/versions/[^/]+)/lib/python3(\\.\\d+)?/.*")
                || file.startsWith("<frozen")) {
            return CodeOwner.SYSTEM;
        }
        return CodeOwner.USER;
    }

    static String module(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
    }
}
