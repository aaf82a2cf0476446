package dev.ddx.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every catalog entry obeys, checked when the catalog is built. A broken rule is a
 * bug in the shipped catalog, reported with all other broken rules at once.
 *
 * <p>Rules: ids are the kebab-case of names and unique; the category and origin are known;
 * the summary has 2–4 sentences; signals, counter-signals and fixes are not empty; commands are
 * given only for gdb, cdb, pdb and logs, are not blank and use only the placeholders of
 * {@link #PLACEHOLDERS} (never angle brackets); related ids exist and are not the entry itself.
 */
public final class CatalogValidation {
    /** The categories, in the order {@code ddx patterns} lists them. */
    public static final List<String> CATEGORIES = List.of(
            "elementary", "analysis", "architecture", "implementation", "usage", "presentation", "design", "ddx");
    /** The sources commands are given for. */
    public static final List<String> SOURCES = List.of("gdb", "cdb", "pdb", "logs");
    /** The words a command may use where the user must supply a value. */
    public static final List<String> PLACEHOLDERS = List.of("THREAD", "FRAME", "ADDR", "EXPR", "LOCK", "FILE");
    private static final Set<String> ORIGINS = Set.of("catalog", "ddx");

    private CatalogValidation() {
    }

    /** Throws {@link CatalogException} listing every broken rule; returns normally when none. */
    static void requireValid(List<PatternEntry> entries) {
        List<String> problems = problems(entries);
        if (!problems.isEmpty()) throw new CatalogException(problems);
    }

    /** Every broken rule, one line each; empty when the entries are valid. */
    public static List<String> problems(List<PatternEntry> entries) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PatternEntry e : entries) {
            if (e.id() != null && !ids.add(e.id())) problems.add("duplicate id " + e.id());
        }
        for (PatternEntry e : entries) checkEntry(e, ids, problems);
        return problems;
    }

    private static void checkEntry(PatternEntry e, Set<String> ids, List<String> problems) {
        String id = e.id() == null ? "(no id)" : e.id();
        if (isBlank(e.name())) problems.add(id + ": name is missing");
        else if (!idOf(e.name()).equals(e.id())) {
            problems.add(id + ": id must be the kebab-case of the name '" + e.name() + "': " + idOf(e.name()));
        }
        if (!CATEGORIES.contains(e.category())) problems.add(id + ": unknown category " + e.category());
        if (!ORIGINS.contains(e.origin())) problems.add(id + ": origin must be catalog or ddx, not " + e.origin());
        int sentences = isBlank(e.summary()) ? 0 : sentences(e.summary());
        if (sentences < 2 || sentences > 4) problems.add(id + ": summary needs 2-4 sentences, has " + sentences);
        if (e.signals().isEmpty()) problems.add(id + ": signals are missing");
        if (e.counterSignals().isEmpty()) problems.add(id + ": counterSignals are missing");
        if (e.fixes().isEmpty()) problems.add(id + ": fixes are missing");
        checkTexts(id, "aliases", e.aliases(), problems);
        checkTexts(id, "signals", e.signals(), problems);
        checkTexts(id, "counterSignals", e.counterSignals(), problems);
        checkTexts(id, "fixes", e.fixes(), problems);
        checkCommands(id, e.commands(), problems);
        for (String r : e.related()) {
            if (!ids.contains(r)) problems.add(id + ": related id " + r + " is not in the catalog");
            if (r.equals(e.id())) problems.add(id + ": an entry cannot be related to itself");
        }
        e.detector().ifPresent(d -> {
            if (!isKebab(d)) problems.add(id + ": detector id is not kebab-case: " + d);
        });
    }

    private static void checkTexts(String id, String field, List<String> texts, List<String> problems) {
        for (String t : texts) {
            if (isBlank(t)) problems.add(id + ": a blank item in " + field);
        }
    }

    private static void checkCommands(String id, Map<String, List<String>> commands, List<String> problems) {
        for (Map.Entry<String, List<String>> c : commands.entrySet()) {
            if (!SOURCES.contains(c.getKey())) problems.add(id + ": commands for unknown source " + c.getKey());
            for (String cmd : c.getValue()) {
                if (isBlank(cmd)) problems.add(id + ": a blank " + c.getKey() + " command");
                else if (cmd.indexOf('<') >= 0 && cmd.indexOf('>', cmd.indexOf('<')) > 0 && looksLikeAngleHole(cmd)) {
                    problems.add(id + ": " + c.getKey() + " command uses an angle-bracket placeholder: " + cmd);
                }
            }
        }
    }

    /** True for {@code <name>} style holes; cdb's {@code $$><} script operator is not one. */
    private static boolean looksLikeAngleHole(String cmd) {
        int open = cmd.indexOf('<');
        while (open >= 0) {
            int close = cmd.indexOf('>', open);
            if (close > open + 1 && cmd.substring(open + 1, close).chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == ' ')) {
                return true;
            }
            open = cmd.indexOf('<', open + 1);
        }
        return false;
    }

    /** The id a name gets: lower case, every run of other characters becomes one hyphen. */
    public static String idOf(String name) {
        StringBuilder b = new StringBuilder();
        boolean gap = false;
        for (char ch : name.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                if (gap && b.length() > 0) b.append('-');
                b.append(ch);
                gap = false;
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    static boolean isKebab(String s) {
        return !isBlank(s) && idOf(s).equals(s);
    }

    /** Sentences end with . ! or ? followed by a space or the end; "e.g." and the like do not count. */
    static int sentences(String text) {
        String t = text.strip().replace("e.g.", "eg").replace("i.e.", "ie").replace("etc.", "etc");
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?') && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1)))) n++;
        }
        return n;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
