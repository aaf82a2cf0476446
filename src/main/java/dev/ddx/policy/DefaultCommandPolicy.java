package dev.ddx.policy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command policy ddx ships with. Read-only inspection commands of gdb, cdb and pdb are
 * allowed; anything that can change the target, run code in it, or touch the machine needs
 * consent; anything not known to be read-only needs consent too (fail closed). Text that
 * spans several lines is refused outright: one call, one command.
 */
public final class DefaultCommandPolicy implements CommandPolicy {

    private static final Set<String> GDB_READ_ONLY = Set.of(
            "bt", "backtrace", "where", "info", "i", "frame", "f", "up", "down", "thread", "list", "l",
            "disassemble", "ptype", "whatis", "x", "print", "p", "output", "inspect", "show", "help",
            "select-frame", "faas", "tfaas", "taas", "explore", "info-threads", "echo", "printf", "display",
            "undisplay", "pwd", "apropos", "complete", "maint", "maintenance");
    private static final Set<String> GDB_SAFE_SETTINGS = Set.of(
            "print", "pagination", "width", "height", "listsize", "confirm", "style", "max-value-size",
            "charset", "language", "backtrace", "filename-display", "verbose", "complaints");
    private static final Set<String> CDB_READ_ONLY = Set.of(
            "k", "kb", "kp", "kn", "kv", "kP", "kd", "lm", "lmv", "lml", "lmvm", "lmf", "u", "ub", "uf", "x",
            "ln", "dt", "dv", "dd", "dq", "db", "dw", "da", "du", "dps", "dqs", "dds", "dp", "dc", "r",
            ".exr", ".ecxr", ".cxr", ".lastevent", ".frame", ".time", "vertarget", ".echo", "?", "||", "|",
            ".lines", ".reload", ".sympath", ".srcpath", "!analyze", "!locks", "!cs", "!runaway", "!handle",
            "!teb", "!peb", "!threads", "!address", "!heap", "!gle", "!error", "!critsec", "!stacks",
            "!uniqstack", "!findstack", "!process", "!thread", "!clrstack", "!pe", "!dumpstack", "!object");
    private static final Set<String> PDB_READ_ONLY = Set.of(
            "p", "pp", "w", "where", "bt", "l", "list", "ll", "longlist", "u", "up", "d", "down", "a", "args",
            "whatis", "h", "help", "display", "undisplay", "source", "retval", "rv");

    /** A call: a name followed by "(" (casts start with "(" and so do not match). */
    private static final Pattern CALL = Pattern.compile("(?<![\\w.$])(?!sizeof\\b|alignof\\b|typeof\\b|__typeof__\\b)[A-Za-z_][\\w.]*\\s*\\(");
    private static final Pattern PY_CALL = Pattern.compile("[\\w\\])'\"]\\s*\\(");
    /** An assignment: "=" that is not part of ==, !=, <=, >=. Also ++, --, op=. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![=!<>])=(?!=)|\\+\\+|--|[-+*/%&|^]=|<<=|>>=");

    @Override
    public Verdict check(String debugger, String command) {
        String c = command == null ? "" : command.strip();
        if (c.isEmpty()) return new Deny("empty command");
        if (c.contains("\n") || c.contains("\r")) return new Deny("one command per call; it spans several lines");
        return switch (debugger.toLowerCase(Locale.ROOT)) {
            case "gdb" -> gdb(c);
            case "cdb" -> cdb(c);
            case "pdb" -> pdb(c);
            default -> new Confirm("unknown debugger dialect '" + debugger + "'");
        };
    }

    private Verdict gdb(String c) {
        if (c.startsWith("!") || c.startsWith("|")) return new Confirm("runs a shell command");
        if (c.contains("$_shell")) return new Confirm("runs a shell command through $_shell");
        String word = firstWord(c);
        String rest = c.substring(word.length()).strip();
        switch (word) {
            case "shell", "pipe", "make" -> { return new Confirm("runs a shell command"); }
            case "call" -> { return new Confirm("calls a function in the target"); }
            case "kill", "k" -> { return new Confirm("kills the target"); }
            case "attach", "detach", "run", "r", "start", "starti", "continue", "c", "next", "n", "step", "s",
                 "stepi", "si", "nexti", "ni", "finish", "until", "advance", "jump", "signal", "queue-signal",
                 "return", "checkpoint", "restart", "record", "reverse-step", "reverse-continue" ->
                    { return new Confirm("resumes or changes the execution of the target"); }
            case "python", "py", "python-interactive", "pi", "guile", "gu", "source", "define", "document",
                 "compile", "expression", "alias" -> { return new Confirm("runs a script or defines commands"); }
            case "file", "core-file", "core", "exec-file", "symbol-file", "add-symbol-file", "target",
                 "generate-core-file", "gcore", "dump", "append", "restore", "save", "cd" ->
                    { return new Confirm("changes what gdb is attached to or writes files"); }
            case "set" -> { return gdbSet(rest); }
            default -> { }
        }
        if (!GDB_READ_ONLY.contains(word)) return new Confirm("'" + word + "' is not a known read-only gdb command");
        if (Set.of("faas", "tfaas", "taas").contains(word)) {
            String applied = rest.replaceFirst("^(-\\S+\\s*)*", "");
            return applied.isEmpty() ? new Allow() : gdb(applied);
        }
        if ((word.equals("maint") || word.equals("maintenance"))
                && !(rest.startsWith("info") || rest.startsWith("print") || rest.startsWith("show") || rest.startsWith("i "))) {
            return new Confirm("maintenance commands can change gdb's state");
        }
        if ((word.equals("thread") || word.equals("frame") || word.equals("f")) && rest.startsWith("apply")) {
            String applied = rest.replaceFirst("^apply\\s+(all|[\\d.]+(-[\\d.]+)?(\\s+[\\d.]+(-[\\d.]+)?)*)(\\s+-\\S+)*\\s*", "");
            return applied.isEmpty() ? new Allow() : gdb(applied);
        }
        if (word.equals("info") && (rest.startsWith("set") || rest.isEmpty())) return new Allow();
        if (Set.of("print", "p", "output", "inspect", "x", "display", "printf", "echo").contains(word)) {
            String expr = rest.replaceFirst("^/\\w+\\s*", "");
            if (ASSIGNMENT.matcher(stripStrings(expr)).find()) return new Confirm("the expression assigns to the target");
            if (CALL.matcher(stripStrings(expr)).find()) return new Confirm("the expression calls a function in the target");
        }
        return new Allow();
    }

    private Verdict gdbSet(String rest) {
        String setting = firstWord(rest);
        if (setting.equals("var") || setting.equals("variable") || rest.startsWith("$") || rest.startsWith("*")
                || ASSIGNMENT.matcher(rest).find() && !GDB_SAFE_SETTINGS.contains(setting)) {
            return new Confirm("writes to the target's memory or registers");
        }
        return GDB_SAFE_SETTINGS.contains(setting) ? new Allow()
                : new Confirm("'set " + setting + "' is not a known display setting");
    }

    private Verdict cdb(String c) {
        for (String part : c.split(";")) {
            Verdict v = cdbOne(part.strip());
            if (!(v instanceof Allow)) return v;
        }
        return new Allow();
    }

    private Verdict cdbOne(String c) {
        if (c.isEmpty()) return new Allow();
        String cmd = c.replaceFirst("^~(\\*|\\d+|[.#])?\\s*", "");
        if (cmd.isEmpty() || cmd.equals("s")) return new Allow(); // thread list, or switching threads
        String word = firstWord(cmd).toLowerCase(Locale.ROOT);
        if (word.equals(".shell") || word.startsWith(".shell")) return new Confirm("runs a shell command");
        if (word.equals(".kill") || word.equals(".create") || word.equals(".attach") || word.equals(".detach")
                || word.equals(".restart") || word.equals(".dump") || word.equals(".writemem")
                || word.equals("q") || word.equals("qq") || word.equals("qd")) {
            return new Confirm("changes or ends the target, or writes files");
        }
        if (word.matches("e[abdqwpuz]?|ea|eza|ezu|f|fp|m")) return new Confirm("writes to the target's memory");
        if (word.matches("g|gh|gn|gu|p|pa|pc|pt|t|ta|tc|tt|wt|bp|bu|bm|ba|bc|bd|be|bl|\\.call")) {
            return word.equals("bl") ? new Allow() : new Confirm("resumes the target or changes its breakpoints");
        }
        if (word.equals("r") && cmd.contains("=")) return new Confirm("writes a register");
        if (word.equals("dx") && (cmd.contains("(") || cmd.contains("="))) {
            return new Confirm("dx can call methods and assign in the target");
        }
        if (word.startsWith("!") && !CDB_READ_ONLY.contains(word)) {
            return new Confirm("'" + word + "' is not a known read-only extension command");
        }
        if (CDB_READ_ONLY.contains(word) || word.startsWith("k") && word.length() <= 3 || word.startsWith("lm")
                || word.matches("d[a-z]{0,3}")) {
            return new Allow();
        }
        return new Confirm("'" + word + "' is not a known read-only cdb command");
    }

    private Verdict pdb(String c) {
        if (c.contains(";;")) {
            for (String part : c.split(";;")) {
                Verdict v = part.isBlank() ? new Allow() : pdbOne(part.strip());
                if (!(v instanceof Allow)) return v;
            }
            return new Allow();
        }
        return pdbOne(c);
    }

    private Verdict pdbOne(String c) {
        if (c.startsWith("!")) return new Confirm("runs a Python statement in the target");
        String word = firstWord(c);
        String rest = c.substring(word.length()).strip();
        switch (word) {
            case "interact" -> { return new Confirm("opens an interactive interpreter in the target"); }
            case "import", "from", "exec", "del", "global" -> { return new Confirm("runs a Python statement"); }
            case "j", "jump", "c", "cont", "continue", "n", "next", "s", "step", "r", "return", "unt", "until",
                 "run", "restart", "q", "quit", "exit", "debug", "alias", "unalias", "commands", "b", "break",
                 "tbreak", "cl", "clear", "disable", "enable", "ignore", "condition" ->
                    { return new Confirm("resumes or changes the execution of the program"); }
            default -> { }
        }
        if (!PDB_READ_ONLY.contains(word)) {
            return new Confirm("pdb runs '" + word + "' as a Python statement");
        }
        String expr = stripStrings(rest);
        if (Set.of("p", "pp", "whatis", "display").contains(word)) {
            if (ASSIGNMENT.matcher(expr).find() || expr.contains(":=")) return new Confirm("the expression assigns");
            if (PY_CALL.matcher(expr).find() || expr.contains("__import__")) {
                return new Confirm("the expression calls code in the program");
            }
        }
        return new Allow();
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '/') i++;
        return s.substring(0, i);
    }

    /** Removes quoted strings so "=" or "(" inside them does not count. */
    private static String stripStrings(String s) {
        return s.replaceAll("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'", "\"\"");
    }
}
