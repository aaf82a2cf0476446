package dev.ddx.cli;

import dev.ddx.catalog.Catalog;
import dev.ddx.catalog.CatalogValidation;
import dev.ddx.catalog.PatternEntry;
import dev.ddx.catalog.SearchHit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders catalog listings, entries and search results as plain text (no colour, fixed width). */
final class PatternsTextRenderer {
    static final int WIDTH = 88;

    /** Readable titles of the categories. */
    static final Map<String, String> TITLES = Map.of(
            "elementary", "Elementary diagnostics",
            "analysis", "Analysis",
            "architecture", "Architecture (where, when, what, how)",
            "implementation", "Implementation",
            "usage", "Usage",
            "presentation", "Presentation",
            "design", "Design (case-study styles)",
            "ddx", "Added by ddx (what real incidents need)");

    private PatternsTextRenderer() {
    }

    static String list(Catalog catalog, List<String> categories) {
        StringBuilder b = new StringBuilder();
        int total = 0;
        for (String c : categories) {
            List<PatternEntry> entries = catalog.inCategory(c);
            if (b.length() > 0) b.append('\n');
            b.append(TITLES.getOrDefault(c, c)).append(" (").append(entries.size()).append(")\n");
            for (PatternEntry e : entries) {
                b.append(String.format(Locale.ROOT, "  %-26s %-26s%s%n", e.id(), e.name(),
                        e.detector().isPresent() ? " detected" : "").stripTrailing()).append('\n');
            }
            total += entries.size();
        }
        b.append('\n').append(total).append(" patterns, catalog version ").append(catalog.version())
                .append(". Show one: ddx patterns ID. Search: ddx patterns --search \"TEXT\".\n");
        return b.toString();
    }

    static String entry(PatternEntry e) {
        StringBuilder b = new StringBuilder();
        b.append(e.name()).append(" (").append(e.id()).append(")\n");
        b.append("category: ").append(e.category()).append("   origin: ").append(e.origin());
        e.detector().ifPresent(d -> b.append("   detector: ").append(d));
        b.append('\n');
        if (!e.aliases().isEmpty()) b.append(wrap("also called: " + String.join(", ", e.aliases()), "")).append('\n');
        b.append('\n').append(wrap(e.summary(), "")).append('\n');
        section(b, "Signals", e.signals());
        section(b, "Counter-signals", e.counterSignals());
        b.append("\nCommands\n");
        for (String source : CatalogValidation.SOURCES) {
            List<String> cmds = e.commandsFor(source);
            for (int i = 0; i < cmds.size(); i++) {
                b.append(String.format(Locale.ROOT, "  %-6s%s%n", i == 0 ? source + ":" : "", cmds.get(i)));
            }
        }
        if (!e.related().isEmpty()) b.append('\n').append(wrap("Related: " + String.join(", ", e.related()), "")).append('\n');
        section(b, "Fixes", e.fixes());
        return b.toString();
    }

    static String search(String query, List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return "No pattern matches \"" + query + "\". Try other words, or list them all with: ddx patterns\n";
        }
        StringBuilder b = new StringBuilder("Patterns for \"" + query + "\":\n");
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            b.append(String.format(Locale.ROOT, "  %d. %-26s %-26s %6.2f  matched: %s%n", i + 1, h.entry().id(),
                    h.entry().name(), h.score(), String.join(", ", h.matched())));
        }
        b.append("Show one in full: ddx patterns ").append(hits.get(0).entry().id()).append('\n');
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<String> items) {
        if (items.isEmpty()) return;
        b.append('\n').append(title).append('\n');
        for (String s : items) b.append(wrap("  - " + s, "    ")).append('\n');
    }

    /** Wraps at {@link #WIDTH} columns, keeping leading spaces; continuation lines start with {@code indent}. */
    static String wrap(String text, String indent) {
        int lead = 0;
        while (lead < text.length() && text.charAt(lead) == ' ') lead++;
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(text.substring(0, lead));
        boolean fresh = true;
        for (String word : text.strip().split("\\s+")) {
            if (!fresh && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
                fresh = true;
            }
            if (!fresh) line.append(' ');
            line.append(word);
            fresh = false;
        }
        return out.append(line).toString();
    }
}
