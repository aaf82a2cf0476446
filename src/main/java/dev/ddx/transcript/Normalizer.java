package dev.ddx.transcript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the values that legitimately change from one run of the same session to the next —
 * addresses, pids, thread and LWP ids, timestamps, durations, temporary paths — into fixed
 * placeholders, by named rules, so replay compares what ddx found and said and not when or where
 * it ran. Each rule is a pattern and a replacement; rules apply in order (paths first, so a pid
 * inside a temporary path is not rewritten twice).
 *
 * <p>This is the one place outside the parsers where regular expressions live: the rules are
 * the contract of what replay ignores, and they are tested one by one.
 */
public final class Normalizer {

    /** One named rewrite: every match of {@code pattern} becomes {@code replacement}. */
    public record Rule(String name, Pattern pattern, String replacement) {
        public Rule {
            Objects.requireNonNull(name);
            Objects.requireNonNull(pattern);
            Objects.requireNonNull(replacement);
        }

        public String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }

        static Rule of(String name, String regex, String replacement) {
            return new Rule(name, Pattern.compile(regex), replacement);
        }
    }

    private final List<Rule> rules;

    public Normalizer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules replay uses. {@code projectDir} and {@code homeDir}, when given, are rewritten to
     * {@code <project>} and {@code ~} so a transcript recorded in one checkout compares with a
     * replay in another.
     */
    public static Normalizer standard(Path projectDir, Path homeDir) {
        List<Rule> r = new ArrayList<>();
        if (projectDir != null) r.add(literal("project-dir", projectDir.toAbsolutePath().normalize().toString(), "<project>"));
        r.add(Rule.of("temp-path", "(?:/private)?(?:/tmp|/var/tmp|/dev/shm|<project>/target)(?:/[^\\s/'\"`:,;()\\[\\]{}<>]+)*/", "<tmp>/"));
        if (homeDir != null && homeDir.toString().length() > 1) r.add(literal("home-dir", homeDir.toString(), "~"));
        r.add(Rule.of("timestamp", "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?", "<time>"));
        r.add(Rule.of("clock-time", "\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b", "<time>"));
        r.add(Rule.of("address", "\\b0x[0-9a-fA-F]{5,}\\b", "<addr>"));
        r.add(Rule.of("build-id", "\\b[0-9a-f]{32,40}\\b", "<build-id>"));
        r.add(Rule.of("lwp", "\\bLWP[ :]+\\d+", "LWP <lwp>"));
        r.add(Rule.of("pid", "(?i)\\b(pid|process|attached to process|inferior 1 \\(process)([ =:#]+)\\d+", "$1$2<pid>"));
        r.add(Rule.of("proc-path", "/proc/\\d+", "/proc/<pid>"));
        r.add(Rule.of("core-file", "\\bcore\\.\\d+", "core.<pid>"));
        r.add(Rule.of("thread-ident", "(?i)\\b(tid|nid|native id|native thread id|ident|thread id)([ =:#]+)(?:0x)?[0-9a-f]+\\b", "$1$2<tid>"));
        r.add(Rule.of("long-id", "\\b\\d{9,}\\b", "<id>"));
        r.add(Rule.of("duration", "\\b\\d+(?:\\.\\d+)?\\s?(?:ns|us|µs|ms|s|sec|secs|seconds|min|minutes)\\b", "<duration>"));
        r.add(Rule.of("size", "\\b\\d+(?:\\.\\d+)?\\s?(?:B|[KMGT]i?B|kB)(?:/s)?\\b", "<size>"));
        r.add(Rule.of("sample-count", "\\b\\d+ of \\d+ samples\\b", "<n> of <m> samples"));
        r.add(Rule.of("percentage", "\\b\\d+(?:\\.\\d+)?\\s?%", "<pct>"));
        return new Normalizer(r);
    }

    /**
     * This normaliser with one more rule in front, "session-lwp": every native thread id the
     * texts name as {@code LWP N} becomes {@code <lwp>} wherever the number appears on its own, so
     * a runtime that names threads by their native id ("thread 1021") compares across runs. (Not
     * numbered per thread: a live replay mixes the recorded model's text, which names the old ids,
     * with the new debugger's output.)
     */
    public Normalizer withSessionIds(List<String> texts) {
        Map<String, String> ids = new LinkedHashMap<>();
        Pattern lwp = Pattern.compile("\\bLWP[ :]+(\\d+)");
        for (String t : texts) {
            Matcher m = lwp.matcher(t);
            while (m.find()) ids.putIfAbsent(m.group(1), "<lwp>");
        }
        if (ids.isEmpty()) return this;
        List<Rule> r = new ArrayList<>();
        ids.forEach((id, placeholder) -> r.add(new Rule("session-lwp",
                Pattern.compile("(?<![\\w.])" + id + "(?![\\w])"), placeholder)));
        r.addAll(rules);
        return new Normalizer(r);
    }

    private static Rule literal(String name, String text, String replacement) {
        return new Rule(name, Pattern.compile(Pattern.quote(text)), Matcher.quoteReplacement(replacement));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rule of this name. */
    public Rule rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no normaliser rule " + name));
    }

    /** {@code text} with every rule applied, in order. */
    public String normalize(String text) {
        if (text == null) return "";
        String s = text;
        for (Rule r : rules) s = r.apply(s);
        return s;
    }
}
