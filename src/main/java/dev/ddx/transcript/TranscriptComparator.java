package dev.ddx.transcript;

import dev.ddx.event.SessionEvent;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Compares what a replay did with what the recording says: the tool calls (name and
 * arguments) and their results, the findings (pattern, title, confidence, evidence) and the
 * answers, plus any error. Both sides pass through the same {@link Normalizer} first, so
 * addresses, pids and times never count as drift. Model turns and raw debugger exchanges are
 * not compared here: they are the inputs replay feeds back, and their effect shows in these.
 */
public final class TranscriptComparator {

    /** How much of a session is compared. */
    public enum Scope {
        /** Everything: tool calls and results, findings with confidence and evidence, whole answers, errors. */
        FULL,
        /**
         * What was found: tool calls (name and arguments), findings (pattern and title), the first
         * paragraph of each answer, errors. For live replays: a program run again differs in what
         * its other threads happened to be doing, and that is not a change in ddx.
         */
        FINDINGS
    }

    private final Normalizer normalizer;
    private final UnaryOperator<String> mask;
    private Scope scope = Scope.FULL;

    /**
     * @param mask applied to the replay's text before comparing, since the recording was masked
     *             when it was written
     */
    public TranscriptComparator(Normalizer normalizer, UnaryOperator<String> mask) {
        this.normalizer = normalizer;
        this.mask = mask;
    }

    /** The same comparator comparing only {@code scope}. */
    public TranscriptComparator scope(Scope scope) {
        TranscriptComparator c = new TranscriptComparator(normalizer, mask);
        c.scope = scope;
        return c;
    }

    /** The comparison of the recorded events with the replayed ones. */
    public Comparison compare(List<SessionEvent> recorded, List<SessionEvent> replayed) {
        List<String> expected = outline(recorded, UnaryOperator.identity());
        List<String> actual = outline(replayed, mask);
        return new Comparison(expected, actual, LineDiff.diff(expected, actual));
    }

    /**
     * The compared facts of a session, one per line, normalised: what the diff is computed on.
     * Native thread ids are numbered per session first ({@link Normalizer#withSessionIds}).
     */
    public List<String> outline(List<SessionEvent> events, UnaryOperator<String> textMask) {
        // thread ids are learnt from everything, also from what this scope leaves out
        List<String> all = rawOutline(events, textMask, Scope.FULL);
        List<String> raw = scope == Scope.FULL ? all : rawOutline(events, textMask, scope);
        Normalizer session = normalizer.withSessionIds(all);
        return raw.stream().map(session::normalize).toList();
    }

    private List<String> rawOutline(List<SessionEvent> events, UnaryOperator<String> textMask, Scope scope) {
        List<String> out = new ArrayList<>();
        int calls = 0;
        int findings = 0;
        int answers = 0;
        for (SessionEvent e : events) {
            if (e instanceof SessionEvent.ToolCall c) {
                out.add("tool call " + (++calls) + ": " + c.name() + " " + text(textMask, c.arguments()));
            } else if (e instanceof SessionEvent.ToolResult r) {
                if (scope == Scope.FINDINGS) continue;
                out.add("tool result " + calls + " " + r.name() + (r.error() ? " (error)" : "") + ":");
                indent(out, text(textMask, r.result()));
            } else if (e instanceof SessionEvent.FindingRaised f) {
                finding(out, ++findings, f.finding(), textMask, scope);
            } else if (e instanceof SessionEvent.Answer a) {
                out.add("answer " + (++answers) + ":");
                indent(out, scope == Scope.FULL ? text(textMask, a.text()) : firstParagraph(text(textMask, a.text())));
            } else if (e instanceof SessionEvent.Error err) {
                out.add("error (" + err.who() + "): " + text(textMask, err.message()));
            }
        }
        return out;
    }

    private static String firstParagraph(String text) {
        String t = text.strip();
        int cut = t.indexOf("\n\n");
        if (cut >= 0) t = t.substring(0, cut);
        // a Markdown summary opens with its title: the paragraph after it says what happened
        if (t.startsWith("# ") && !t.contains("\n")) {
            String rest = text.strip().substring(t.length()).strip();
            int next = rest.indexOf("\n\n");
            t = t + "\n" + (next < 0 ? rest : rest.substring(0, next));
        }
        return t;
    }

    private void finding(List<String> out, int n, Finding f, UnaryOperator<String> textMask, Scope scope) {
        if (scope == Scope.FINDINGS) {
            out.add("finding " + n + ": " + f.patternId() + " — " + text(textMask, f.title()));
            return;
        }
        out.add(String.format(Locale.ROOT, "finding %d: %s — %s (confidence %.2f)", n, f.patternId(),
                text(textMask, f.title()), f.confidence()));
        for (Evidence ev : f.evidence()) {
            out.add("    evidence: " + text(textMask, ev.fact()) + "  [" + text(textMask, ev.where()) + "]");
        }
    }

    private static String text(UnaryOperator<String> textMask, String s) {
        return textMask.apply(s == null ? "" : s);
    }

    private static void indent(List<String> out, String text) {
        for (String line : text.split("\n", -1)) out.add("    | " + line.stripTrailing());
    }

    /** The outcome: equivalent when the diff is empty. */
    public record Comparison(List<String> expected, List<String> actual, List<String> diff) {
        public Comparison {
            expected = List.copyOf(expected);
            actual = List.copyOf(actual);
            diff = List.copyOf(diff);
        }

        public boolean equivalent() {
            return diff.isEmpty();
        }

        /** How many lines differ (recorded-only plus replay-only). */
        public int changedLines() {
            return (int) diff.stream().filter(l -> l.startsWith("- ") || l.startsWith("+ ")).count();
        }
    }
}
