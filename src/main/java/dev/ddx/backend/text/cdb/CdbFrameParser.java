package dev.ddx.backend.text.cdb;

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
 * One frame line of a cdb stack in any of its layouts: {@code k} (ChildEBP RetAddr call site),
 * {@code kb}/{@code kv} (three arguments first), {@code kn} (frame number first), x64
 * {@code Child-SP RetAddr : args : call site}, and {@code !analyze}'s STACK_TEXT. The call site is
 * {@code module!function+0xoff [file @ line]}, {@code module+0xoff} without symbols, or a bare address.
 */
public final class CdbFrameParser {
    private static final String ADDR = "[0-9a-fA-F]{8}(?:`?[0-9a-fA-F]{8})?";
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?:([0-9a-fA-F]{2,4})\\s+)?(" + ADDR + ")\\s+(" + ADDR + ")\\s+(.*?)\\s*$");
    private static final Pattern ARG = Pattern.compile("^(?:" + ADDR + "|\\.\\.\\.|:)$");
    private static final Pattern SITE = Pattern.compile(
            "^(?:([\\w.\\-]+)!)?([^\\s\\[(]+?)(?:\\+(0x[0-9a-fA-F]+|[0-9a-fA-F]+))?(?:\\s*\\(([^)]*)\\))?"
                    + "(?:\\s*\\[(.+?) @ (\\d+)\\])?(?:\\s*\\(FPO:.*|\\s*\\(CONV:.*)?\\s*$");
    private static final Pattern BARE = Pattern.compile("^(?:0x)?[0-9a-fA-F`]+$");

    private CdbFrameParser() {
    }

    /** The frame of a stack line, or empty when the line is not one; {@code index} is used when no frame number is printed. */
    public static Optional<StackFrame> parse(String line, int index) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) return Optional.empty();
        String[] tokens = m.group(4).split("\\s+");
        List<Variable> args = new ArrayList<>();
        int k = 0;
        while (k < tokens.length - 1 && ARG.matcher(tokens[k]).matches()) {
            if (!tokens[k].equals(":") && !tokens[k].equals("...")) {
                args.add(new Variable("arg" + (args.size() + 1), "", tokens[k].replace("`", "")));
            }
            k++;
        }
        String site = String.join(" ", java.util.Arrays.copyOfRange(tokens, k, tokens.length));
        if (site.isEmpty() || site.equals(":")) return Optional.empty();
        int number = m.group(1) == null ? index : Integer.parseInt(m.group(1), 16);
        return Optional.ofNullable(frame(number, site, args));
    }

    private static StackFrame frame(int index, String site, List<Variable> args) {
        String module = "";
        String function;
        SourceLocation source = null;
        Matcher s = SITE.matcher(site);
        if (BARE.matcher(site).matches()) {
            function = "??";
            args = new ArrayList<>(args);
            args.add(new Variable("address", "", site));
        } else if (s.matches()) {
            if (s.group(1) != null) {
                module = s.group(1);
                function = s.group(2);
            } else if (s.group(3) != null) { // module+0x1234: no symbols
                module = s.group(2);
                function = "??";
            } else {
                function = s.group(2);
            }
            if (s.group(5) != null) source = new SourceLocation(s.group(5), Integer.parseInt(s.group(6)));
            if (s.group(4) != null && !s.group(4).isBlank()) {
                args = new ArrayList<>(args);
                args.add(new Variable("parameters", "", s.group(4).strip()));
            }
        } else {
            return null;
        }
        return new StackFrame(index, function, module, Optional.ofNullable(source), OptionalLong.empty(), args,
                List.of(), Optional.empty(), CodeOwnerPolicy.windows(module));
    }
}
