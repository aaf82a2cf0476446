package dev.ddx.agent;

import dev.ddx.catalog.Catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an answer's text (any model's) for the catalog ids it names and the commands of its Next section. */
public final class AnswerParser {
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]+)`");

    private AnswerParser() {
    }

    /** Catalog ids that appear in the text as words, in order of first appearance. */
    public static List<String> patternIds(String text, Catalog catalog) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) if (catalog.contains(m.group())) out.add(m.group());
        return List.copyOf(out);
    }

    /** The back-quoted commands of the section that starts with a line "Next:" (up to the next heading). */
    public static List<String> nextCommands(String text) {
        List<String> out = new ArrayList<>();
        boolean inNext = false;
        for (String line : text.split("\n")) {
            String l = line.strip().replace("*", "").replace("#", "").strip();
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("next")) {
                inNext = true;
            } else if (lower.startsWith("fix") || lower.startsWith("patterns")) {
                inNext = false;
            }
            if (!inNext) continue;
            Matcher m = BACKTICKED.matcher(line);
            if (m.find()) out.add(m.group(1).strip());
        }
        return out;
    }
}
