package dev.ddx.backend.gdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads GDB/MI output: result records with their tokens, stream records, C-string escapes. */
public final class GdbMiParser {
    private static final Pattern RESULT = Pattern.compile("^(\\d+)\\^(done|running|connected|error|exit)(,.*)?$");
    private static final Pattern MSG = Pattern.compile("(?:^|,)msg=(\"(?:[^\"\\\\]|\\\\.)*\")");

    private GdbMiParser() {
    }

    /** A result record: its token and result class. */
    public record Result(long token, String resultClass, String rest) {
    }

    /** The result record on this line, if it is one. */
    public static Optional<Result> result(String line) {
        Matcher m = RESULT.matcher(line);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new Result(Long.parseLong(m.group(1)), m.group(2), m.group(3) == null ? "" : m.group(3).substring(1)));
    }

    /** Takes apart a whole reply as a transport returned it (records separated by newlines). */
    public static MiReply reply(String raw) {
        StringBuilder console = new StringBuilder();
        StringBuilder log = new StringBuilder();
        String resultClass = "";
        String error = "";
        for (String line : raw.split("\n", -1)) {
            if (line.startsWith("~\"")) {
                console.append(cString(line.substring(1)));
            } else if (line.startsWith("&\"") || line.startsWith("@\"")) {
                log.append(cString(line.substring(1)));
            } else {
                Optional<Result> r = result(line);
                if (r.isPresent()) {
                    resultClass = r.get().resultClass();
                    Matcher m = MSG.matcher(r.get().rest());
                    if (m.find()) error = cString(m.group(1)).strip().replaceAll("\\s*\\n\\s*", "; ");
                }
            }
        }
        return new MiReply(resultClass, error, console.toString(), log.toString());
    }

    /** Decodes a quoted MI C-string (with its quotes): backslash escapes and octal bytes, as UTF-8. */
    public static String cString(String quoted) {
        String s = quoted.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && c != '\\') {
                out.write(c);
                continue;
            }
            if (c != '\\' || i + 1 == s.length()) {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            char e = s.charAt(++i);
            if (e >= '0' && e <= '7') {
                int v = 0;
                int n = 0;
                while (n < 3 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                    v = v * 8 + (s.charAt(i++) - '0');
                    n++;
                }
                i--;
                out.write(v);
                continue;
            }
            out.write(switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'e' -> 27;
                case 'a' -> 7;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'v' -> 11;
                default -> e;
            });
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A file name as an MI argument: bare when it can be, quoted otherwise. */
    public static String fileArgument(String path) {
        return path.matches("[^\\s\"\\\\]+") ? path : quote(path);
    }

    /** Quotes text as an MI C-string argument. */
    public static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
