package dev.ddx.transcript;

import dev.ddx.event.SessionEvent;
import dev.ddx.pattern.Evidence;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Tells a transcript as a story a person can read ({@code ddx replay --explain}): who asked
 * what, what the model was asked and asked for, which tools and debugger commands ran and what
 * they printed (briefly), what was found with its evidence, what was answered, and how it ended.
 * Plain text, no colour, times in UTC as recorded.
 */
public final class TranscriptStoryRenderer {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int PREVIEW_LINES = 3;

    /** The story of {@code t}. */
    public String render(Transcript t) {
        StringBuilder b = new StringBuilder();
        TranscriptHeader h = t.header();
        b.append("Session: ddx ").append(h.mode()).append(" on ").append(h.target()).append('\n');
        b.append("  recorded ").append(DAY.format(h.time())).append(" by ddx ").append(h.ddxVersion())
                .append(", model ").append(h.model().isEmpty() ? "none" : h.model())
                .append(", catalog ").append(h.catalogVersion()).append('\n');
        h.scenario().ifPresent(s -> b.append("  target built from ").append(s).append('\n'));
        t.warnings().forEach(w -> b.append("  warning: ").append(w).append('\n'));
        b.append('\n');
        for (SessionEvent e : t.events()) line(b, e);
        b.append('\n').append(totals(h, t.events())).append('\n');
        return b.toString();
    }

    private void line(StringBuilder b, SessionEvent e) {
        String at = CLOCK.format(e.time()) + "  ";
        if (e instanceof SessionEvent.UserInput u) {
            b.append(at).append("The user asked: \"").append(u.text()).append("\"\n");
        } else if (e instanceof SessionEvent.ModelRequest r) {
            b.append(at).append("ddx asked the model ").append(r.model()).append(" (turn ").append(r.turn())
                    .append(", ").append(r.messages()).append(" messages).\n");
        } else if (e instanceof SessionEvent.ModelResponse r) {
            modelResponse(b, at, r);
        } else if (e instanceof SessionEvent.ToolCall c) {
            b.append(at).append("ddx ran the tool ").append(c.name()).append(' ').append(c.arguments()).append('\n');
        } else if (e instanceof SessionEvent.ToolResult r) {
            b.append(at).append(r.error() ? "  it failed: " : "  it returned ").append(preview(r.result())).append('\n');
        } else if (e instanceof SessionEvent.DebuggerExchange x) {
            b.append(at).append("  ").append(x.debugger()).append("> ").append(x.command()).append("   (")
                    .append(x.millis()).append(" ms, ").append(lines(x.output())).append(")\n");
        } else if (e instanceof SessionEvent.FindingRaised f) {
            b.append(at).append(String.format(Locale.ROOT, "Found %s: %s (confidence %.2f)%n", f.finding().patternId(),
                    f.finding().title(), f.finding().confidence()));
            for (Evidence ev : f.finding().evidence()) {
                b.append("            because ").append(ev.fact()).append("  [").append(ev.where()).append("]\n");
            }
        } else if (e instanceof SessionEvent.Answer a) {
            b.append(at).append("ddx answered:\n");
            for (String l : a.text().strip().split("\n")) b.append("            ").append(l).append('\n');
        } else if (e instanceof SessionEvent.Notice n) {
            b.append(at).append("Notice: ").append(n.text()).append('\n');
        } else if (e instanceof SessionEvent.Error err) {
            b.append(at).append("Error (").append(err.who()).append("): ").append(err.message()).append('\n');
        } else if (e instanceof SessionEvent.Ended end) {
            b.append(at).append("The session ended: ").append(end.reason()).append(".\n");
        } else if (e instanceof SessionEvent.Started s) {
            b.append(at).append("A session started: ddx ").append(s.mode()).append(" on ").append(s.target()).append('\n');
        }
    }

    private static void modelResponse(StringBuilder b, String at, SessionEvent.ModelResponse r) {
        b.append(at).append("The model answered (").append(r.inputTokens()).append(" tokens in, ")
                .append(r.outputTokens()).append(" out)");
        if (!r.toolCalls().isEmpty()) {
            b.append(" and asked for ");
            for (int i = 0; i < r.toolCalls().size(); i++) {
                SessionEvent.ToolRequest c = r.toolCalls().get(i);
                b.append(i == 0 ? "" : ", ").append(c.name()).append(' ').append(c.arguments());
            }
        }
        b.append(r.text() == null || r.text().isBlank() ? ".\n" : ": " + preview(r.text()) + "\n");
    }

    private static String preview(String text) {
        String[] ls = (text == null ? "" : text).strip().split("\n");
        StringBuilder b = new StringBuilder();
        if (ls.length > 1) b.append(ls.length).append(" lines:");
        for (int i = 0; i < Math.min(PREVIEW_LINES, ls.length); i++) {
            b.append(ls.length > 1 ? "\n              " : "").append(ls[i].length() > 120 ? ls[i].substring(0, 120) + "…" : ls[i]);
        }
        if (ls.length > PREVIEW_LINES) b.append("\n              …");
        return b.toString();
    }

    private static String lines(String text) {
        int n = text == null || text.isEmpty() ? 0 : text.split("\n").length;
        return n == 1 ? "1 line" : n + " lines";
    }

    private static String totals(TranscriptHeader h, List<SessionEvent> events) {
        long questions = events.stream().filter(SessionEvent.UserInput.class::isInstance).count();
        List<SessionEvent.ModelResponse> turns = events.stream().filter(SessionEvent.ModelResponse.class::isInstance)
                .map(SessionEvent.ModelResponse.class::cast).toList();
        long tin = turns.stream().mapToLong(SessionEvent.ModelResponse::inputTokens).sum();
        long tout = turns.stream().mapToLong(SessionEvent.ModelResponse::outputTokens).sum();
        long tools = events.stream().filter(SessionEvent.ToolCall.class::isInstance).count();
        long commands = events.stream().filter(SessionEvent.DebuggerExchange.class::isInstance).count();
        long findings = events.stream().filter(SessionEvent.FindingRaised.class::isInstance).count();
        long answers = events.stream().filter(SessionEvent.Answer.class::isInstance).count();
        java.time.Instant start = events.isEmpty() || h.time().isBefore(events.get(0).time()) ? h.time() : events.get(0).time();
        Duration span = events.isEmpty() ? Duration.ZERO : Duration.between(start, events.get(events.size() - 1).time());
        return String.format(Locale.ROOT, "In all: %d question%s, %d model turn%s (%d tokens in, %d out), %d tool call%s, "
                        + "%d debugger command%s, %d finding%s, %d answer%s, over %.1f s.",
                questions, s(questions), turns.size(), s(turns.size()), tin, tout, tools, s(tools), commands, s(commands),
                findings, s(findings), answers, s(answers), span.toMillis() / 1000.0);
    }

    private static String s(long n) {
        return n == 1 ? "" : "s";
    }
}
