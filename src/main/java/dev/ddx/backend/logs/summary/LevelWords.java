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
    /** A phrase's words and the level it gives; its first word is no word of {@link #WORDS}. */
    private record Phrase(List<String> words, String level) {
    }

    private static final List<Phrase> PHRASES = List.of(new Phrase(List.of("out", "of", "memory"), "ERROR"),
            new Phrase(List.of("timed", "out"), "WARN"), new Phrase(List.of("could", "not"), "WARN"),
            new Phrase(List.of("not", "responding"), "WARN"));
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
            for (Phrase p : PHRASES) {
                if (l == null && i + p.words().size() <= words.size() && words.subList(i, i + p.words().size()).equals(p.words())) {
                    l = p.level();
                    said = String.join(" ", p.words());
                }
            }
            if (l != null && Levels.rank(l) > Levels.rank(level)) {
                level = l;
                because = said;
            }
        }
        return level.isEmpty() ? Optional.empty() : Optional.of(new Inferred(level, because));
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
