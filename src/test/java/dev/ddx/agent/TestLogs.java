package dev.ddx.agent;

import dev.ddx.pattern.Finding;

import java.util.List;
import java.util.Locale;

/** A log view over a few fixed lines, for tests where the logs backend is not the subject. */
final class TestLogs implements LogView {
    private final List<String> lines;

    TestLogs(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    @Override
    public String describe() {
        return "app.log";
    }

    @Override
    public String summary() {
        return lines.size() + " lines; first error: " + lines.stream().filter(l -> l.contains("ERROR")).findFirst().orElse("none");
    }

    @Override
    public String search(String text, int limit) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) b.append("app.log:").append(i + 1).append(": ").append(lines.get(i)).append('\n');
        }
        return b.toString();
    }

    @Override
    public List<Finding> findings() {
        return List.of();
    }
}
