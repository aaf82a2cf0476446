package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.mine.TokenMasker;
import dev.ddx.backend.logs.read.Levels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The level a template's own words give it, for logs that write none (syslog's sshd and kernel
 * lines, many daemons' files): {@code error: Received disconnect} is an error, {@code Failed
 * password for <*>} a warning. Only the template's literal words count (not its values, nor the
 * names of {@code key=value} pairs), and a word right after {@code no}, {@code without} or
 * {@code never} does not. The worst level found wins.
 */
final class LevelWords {
    /** The level and the word (or words) that gave it. */
    record Inferred(String level, String word) {
    }

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("fatal", "FATAL"), Map.entry("panic", "FATAL"), Map.entry("panicked", "FATAL"),
            Map.entry("emerg", "FATAL"), Map.entry("emergency", "FATAL"),
            Map.entry("error", "ERROR"), Map.entry("errors", "ERROR"), Map.entry("critical", "ERROR"), Map.entry("crit", "ERROR"),
            Map.entry("segfault", "ERROR"), Map.entry("oops", "ERROR"),
            Map.entry("corrupt", "ERROR"), Map.entry("corrupted", "ERROR"), Map.entry("corruption", "ERROR"),
            Map.entry("warn", "WARN"), Map.entry("warning", "WARN"), Map.entry("warnings", "WARN"),
            Map.entry("fail", "WARN"), Map.entry("fails", "WARN"), Map.entry("failed", "WARN"), Map.entry("failing", "WARN"),
            Map.entry("failure", "WARN"), Map.entry("failures", "WARN"), Map.entry("denied", "WARN"), Map.entry("refused", "WARN"),
            Map.entry("rejected", "WARN"), Map.entry("invalid", "WARN"), Map.entry("timeout", "WARN"), Map.entry("unable", "WARN"),
            Map.entry("cannot", "WARN"), Map.entry("unreachable", "WARN"), Map.entry("abort", "WARN"), Map.entry("aborted", "WARN"),
            Map.entry("aborting", "WARN"), Map.entry("killed", "WARN"), Map.entry("deprecated", "WARN"), Map.entry("break-in", "WARN"));
    /** Phrases of two words, by their words; the first of each is no word of {@link #WORDS}. */
    private static final Map<String, String> PHRASES = Map.of("out of memory", "ERROR", "timed out", "WARN",
            "could not", "WARN", "not responding", "WARN");
    private static final List<String> NEGATIONS = List.of("no", "without", "never");

    private LevelWords() {
    }

    /** The level the template's words give it, if any. */
    static Optional<Inferred> of(String template) {
        List<String> words = words(template);
        String level = "";
        String because = "";
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.isEmpty() || (i > 0 && NEGATIONS.contains(words.get(i - 1)))) continue;
            String l = WORDS.get(w);
            String said = w;
            for (Map.Entry<String, String> p : PHRASES.entrySet()) {
                String[] ps = p.getKey().split(" ");
                if (l == null && matches(words, i, ps)) {
                    l = p.getValue();
                    said = p.getKey();
                }
            }
            if (l != null && Levels.rank(l) > Levels.rank(level)) {
                level = l;
                because = said;
            }
        }
        return level.isEmpty() ? Optional.empty() : Optional.of(new Inferred(level, because));
    }

    private static boolean matches(List<String> words, int at, String[] phrase) {
        if (at + phrase.length > words.size()) return false;
        for (int k = 0; k < phrase.length; k++) if (!words.get(at + k).equals(phrase[k])) return false;
        return true;
    }

    /**
     * The template's literal words in lower case, in order: runs of letters (with inner hyphens, as in
     * {@code break-in}); a value, or a {@code key=value} token, is an empty word, which breaks a phrase.
     */
    private static List<String> words(String template) {
        List<String> out = new ArrayList<>();
        for (String token : template.split("\\s+")) {
            if (token.contains(TokenMasker.WILDCARD) || token.indexOf('=') >= 0) {
                out.add("");
                continue;
            }
            int i = 0;
            while (i < token.length()) {
                while (i < token.length() && !Character.isLetter(token.charAt(i))) i++;
                int start = i;
                while (i < token.length() && (Character.isLetter(token.charAt(i))
                        || (token.charAt(i) == '-' && i + 1 < token.length() && Character.isLetter(token.charAt(i + 1))))) i++;
                if (i > start) out.add(token.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
