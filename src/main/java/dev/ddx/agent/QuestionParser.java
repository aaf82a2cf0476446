package dev.ddx.agent;

import dev.ddx.catalog.Catalog;
import dev.ddx.catalog.PatternEntry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a question in plain English into a {@link Question} (intent, thread, pattern). Deterministic. */
public final class QuestionParser {
    private static final Pattern THREAD = Pattern.compile("\\bthread\\s*#?\\s*([\\w.-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEANING = Pattern.compile(
            "\\b(mean|means|meaning|pattern|define|what is an?|what's an?|what are|tell me about)\\b", Pattern.CASE_INSENSITIVE);

    private final Catalog catalog;

    public QuestionParser(Catalog catalog) {
        this.catalog = catalog;
    }

    public Question parse(String text) {
        String q = text.toLowerCase(Locale.ROOT).strip();
        Optional<String> thread = thread(text);
        Optional<String> pattern = pattern(q);
        return new Question(intent(q, thread, pattern), thread, pattern, q);
    }

    private Question.Intent intent(String q, Optional<String> thread, Optional<String> pattern) {
        if (has(q, "compare", "last run", "previous run", "before", "regress", "same as")) return Question.Intent.COMPARE;
        if (pattern.isPresent() && MEANING.matcher(q).find() && !has(q, "why", "wrong", "happen", "here")) return Question.Intent.PATTERN;
        if (has(q, "fix", "solve", "remedy", "repair", "patch", "prevent", "avoid")) return Question.Intent.FIX;
        if (has(q, "next", "should i run", "what now", "what command", "which command", "investigate", "dig")) return Question.Intent.NEXT;
        if (has(q, "leak", "grow", "memory", "rss", "handles", "file descriptor", " fds", "oom")) return Question.Intent.LEAK;
        if (has(q, "spin", "cpu", "busy", "hot ", "hottest", "loop", "burn", "spike")) return Question.Intent.SPIN;
        if (has(q, "block", "deadlock", "hang", "hung", "stuck", "wait", "lock", "frozen", "freeze", "progress")) return Question.Intent.BLOCKING;
        if (has(q, "crash", "segfault", "sigsegv", "signal", "die", "died", "abort", "exception", "fault", "core",
                "traceback", "error", "fail", "raise", "null")) return Question.Intent.CRASH;
        if (thread.isPresent()) return Question.Intent.THREAD;
        if (has(q, "log")) return Question.Intent.LOGS;
        if (has(q, "what happened", "what's wrong", "what is wrong", "summar", "overview", "explain", "tell me",
                "analy", "diagnos", "root cause", "why")) return Question.Intent.OVERVIEW;
        if (pattern.isPresent()) return Question.Intent.PATTERN;
        return Question.Intent.UNKNOWN;
    }

    private static Optional<String> thread(String text) {
        Matcher m = THREAD.matcher(text);
        while (m.find()) {
            String id = m.group(1);
            if (!List.of("s", "is", "the", "that", "which", "a", "apply", "spin", "spins", "spinning").contains(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(id.replaceAll("[.?!,]+$", ""));
            }
        }
        return Optional.empty();
    }

    /** The catalog pattern named by id, name or alias; the longest match wins. */
    private Optional<String> pattern(String q) {
        String best = null;
        int bestLen = 0;
        for (PatternEntry e : catalog.all()) {
            for (String n : names(e)) {
                String needle = n.toLowerCase(Locale.ROOT);
                if (needle.length() > bestLen && Pattern.compile("\\b" + Pattern.quote(needle) + "\\b").matcher(q).find()) {
                    best = e.id();
                    bestLen = needle.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> names(PatternEntry e) {
        List<String> out = new java.util.ArrayList<>(e.aliases());
        out.add(e.id());
        out.add(e.name());
        out.add(e.id().replace('-', ' '));
        return out;
    }

    private static boolean has(String q, String... words) {
        for (String w : words) if (q.contains(w)) return true;
        return false;
    }
}
