package dev.ddx.backend.gdb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in one line of C or C++ source, every expression whose value a crash on that line may
 * have dereferenced: each prefix of a member/index chain ({@code a}, {@code a.b2},
 * {@code a.b2->data}), each level of unary {@code *} ({@code *a.b2->data}, {@code **a.b2->data}, …),
 * and the arguments of calls ({@code name} in {@code strlen(name)}).
 *
 * <p>Innermost first, in order of appearance, without duplicates. Never returns an expression
 * that calls a function or has a side effect (no calls, no {@code ++}, no assignments), so every
 * result is safe for a debugger to evaluate.
 */
public final class DereferenceParser {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(->|\\+\\+|--|<<=|>>=|<<|>>|[<>=!+\\-*/%&|^]=|&&|\\|\\||[A-Za-z_]\\w*|0[xX][0-9a-fA-F]+\\w*|\\d[\\w.]*"
                    + "|\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|\\S)");
    private static final Set<String> KEYWORDS = Set.of("auto", "break", "case", "char", "const", "continue",
            "default", "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int",
            "long", "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
            "typedef", "union", "unsigned", "void", "volatile", "while", "bool", "_Bool", "new", "delete",
            "class", "const_cast", "static_cast", "reinterpret_cast", "dynamic_cast", "this", "true", "false",
            "nullptr", "NULL", "alignof", "typeof", "__typeof__", "template", "typename", "throw");
    private static final Set<String> UNARY_AFTER = Set.of("return", "case", "sizeof", "throw");

    private final List<String> tokens;
    private final Set<String> out = new LinkedHashSet<>();

    private DereferenceParser(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The expressions worth probing on this source line, innermost first. */
    public static List<String> expressions(String sourceLine) {
        DereferenceParser p = new DereferenceParser(tokenize(stripComments(sourceLine)));
        p.scan(0, p.tokens.size());
        return List.copyOf(p.out);
    }

    private static String stripComments(String line) {
        String s = line.replaceAll("/\\*.*?\\*/", " ");
        int slashes = s.indexOf("//");
        return slashes >= 0 ? s.substring(0, slashes) : s;
    }

    private static List<String> tokenize(String line) {
        List<String> t = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        int at = 0;
        while (at < line.length() && m.find(at) && m.start() == at) {
            t.add(m.group(1));
            at = m.end();
        }
        return t;
    }

    /** A parsed operand: its text, where it ends, and whether it may be evaluated. */
    private record Operand(String text, int end, boolean safe) {
    }

    private void scan(int from, int to) {
        int i = from;
        while (i < to) {
            if (startsOperand(i)) {
                i = Math.max(i + 1, unary(i, to, false).end());
            } else {
                i++;
            }
        }
    }

    private boolean startsOperand(int i) {
        String t = tokens.get(i);
        if (isIdentifier(t)) return !KEYWORDS.contains(t);
        return (t.equals("*") || t.equals("(") || t.equals("&")) && unaryContext(i);
    }

    private boolean unaryContext(int i) {
        if (i == 0) return true;
        String prev = tokens.get(i - 1);
        if (UNARY_AFTER.contains(prev)) return true;
        if (KEYWORDS.contains(prev)) return false;
        return !(isIdentifier(prev) || isLiteral(prev) || prev.equals(")") || prev.equals("]"));
    }

    /** Unary prefix operators, then a postfix chain; emits the probes it finds. */
    private Operand unary(int i, int to, boolean argument) {
        int stars = 0;
        int j = i;
        while (j < to && (tokens.get(j).equals("*") || tokens.get(j).equals("&"))) {
            if (tokens.get(j).equals("*")) stars++;
            j++;
        }
        if (j >= to) return new Operand("", to, false);
        Operand chain = postfix(j, to, argument || stars > 0);
        String text = chain.text();
        for (int s = 1; s <= stars && chain.safe(); s++) {
            text = "*" + text;
            out.add(text);
        }
        return new Operand(text, chain.end(), chain.safe());
    }

    private Operand postfix(int i, int to, boolean argument) {
        Operand primary = primary(i, to);
        if (!primary.safe()) return primary;
        StringBuilder text = new StringBuilder(primary.text());
        List<String> prefixes = new ArrayList<>(List.of(text.toString()));
        int j = primary.end();
        while (j < to) {
            String t = tokens.get(j);
            if ((t.equals(".") || t.equals("->")) && j + 1 < to && isIdentifier(tokens.get(j + 1))) {
                text.append(t).append(tokens.get(j + 1));
                j += 2;
            } else if (t.equals("[")) {
                int close = matching(j, to, "[", "]");
                scan(j + 1, close);
                text.append(join(j, close + 1));
                j = close + 1;
            } else if (t.equals("(")) {
                int close = matching(j, to, "(", ")");
                arguments(j + 1, close);
                if (prefixes.size() > 1) emit(prefixes.subList(0, prefixes.size() - 1));
                return new Operand(text + "(...)", close + 1, false);
            } else {
                break;
            }
            prefixes.add(text.toString());
        }
        boolean bareName = prefixes.size() == 1;
        if (!bareName || argument) emit(prefixes);
        else if (j < to && (tokens.get(j).equals("++") || tokens.get(j).equals("--"))) return new Operand(text.toString(), j + 1, false);
        return new Operand(text.toString(), j, true);
    }

    private Operand primary(int i, int to) {
        String t = tokens.get(i);
        if (t.equals("(")) {
            int close = matching(i, to, "(", ")");
            if (isCast(i + 1, close)) {
                if (close + 1 >= to) return new Operand("", close + 1, false);
                Operand cast = unary(close + 1, to, true);
                return new Operand(cast.text(), cast.end(), false);
            }
            Operand inner = unary(i + 1, close, false);
            boolean whole = inner.end() == close;
            if (!whole) scan(inner.end(), close);
            return new Operand("(" + inner.text() + ")", close + 1, whole && inner.safe());
        }
        if (isIdentifier(t) && !KEYWORDS.contains(t)) return new Operand(t, i + 1, true);
        return new Operand(t, i + 1, false);
    }

    /** Call arguments: each one that is a whole operand is probed even when it is a bare name. */
    private void arguments(int from, int to) {
        int start = from;
        int depth = 0;
        for (int k = from; k <= to; k++) {
            String t = k < to ? tokens.get(k) : ",";
            if (t.equals("(") || t.equals("[")) depth++;
            if (t.equals(")") || t.equals("]")) depth--;
            if (t.equals(",") && depth == 0) {
                if (start < k && startsOperand(start)) {
                    Operand o = unary(start, k, true);
                    if (o.end() < k) scan(o.end(), k);
                } else if (start < k) {
                    scan(start, k);
                }
                start = k + 1;
            }
        }
    }

    private void emit(List<String> texts) {
        out.addAll(texts);
    }

    private boolean isCast(int from, int to) {
        if (from >= to) return false;
        String first = tokens.get(from);
        if (!KEYWORDS.contains(first) || UNARY_AFTER.contains(first) || first.equals("NULL") || first.equals("this")) {
            return to - from >= 2 && isIdentifier(first) && tokens.get(to - 1).equals("*")
                    && tokens.subList(from, to).stream().allMatch(x -> x.equals("*") || isIdentifier(x));
        }
        return true;
    }

    private int matching(int open, int to, String o, String c) {
        int depth = 0;
        for (int k = open; k < to; k++) {
            if (tokens.get(k).equals(o)) depth++;
            if (tokens.get(k).equals(c) && --depth == 0) return k;
        }
        return to;
    }

    private String join(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < Math.min(to, tokens.size()); k++) {
            String t = tokens.get(k);
            if (b.length() > 0 && isWordChar(b.charAt(b.length() - 1)) && isWordChar(t.charAt(0))) b.append(' ');
            b.append(t);
        }
        return b.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isIdentifier(String t) {
        return !t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_');
    }

    private static boolean isLiteral(String t) {
        return !t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '"' || t.charAt(0) == '\'');
    }
}
