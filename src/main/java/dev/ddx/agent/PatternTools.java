package dev.ddx.agent;

import dev.ddx.catalog.PatternEntry;
import dev.ddx.catalog.SearchHit;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's tools over findings and the pattern catalog: what was detected, what a pattern
 * means and how it is fixed, which commands gather more evidence, and how this run compares
 * with the last one.
 */
public final class PatternTools {
    private final Incident incident;

    public PatternTools(Incident incident) {
        this.incident = incident;
    }

    @Tool(name = "findings", value = """
            The catalog patterns ddx detected in this incident, strongest first, each with its \
            evidence and where each fact came from: "deadlock (confidence 1.00): Deadlock between \
            threads 2 and 3 / - thread 2 waits for mutex 0x… held by thread 3 [gdb: …]". Call \
            this first for any question about the incident; name only these pattern ids.""")
    public String findings() {
        return ModelTextRenderer.findings(incident.findings());
    }

    @Tool(name = "pattern", value = """
            One catalog pattern by id: what it means, the signals that show it and argue against \
            it, the commands that gather its evidence per debugger, related patterns, and usual \
            fixes. Example: pattern(id="wait-chain").""")
    public String pattern(@P("catalog id in kebab-case, e.g. \"deadlock\"") String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        return incident.catalog().find(key).map(PatternTools::render)
                .orElseGet(() -> "no pattern '" + id + "' in the catalog; closest: " + String.join(", ", incident.catalog().closeIds(key, 5)));
    }

    @Tool(name = "search_patterns", value = """
            Searches the catalog by words (names, aliases, summaries, signals) and returns the \
            best matching ids with their summary. Example: search_patterns(query="high cpu \
            thread") -> "spiking-thread: …".""")
    public String searchPatterns(@P("words to look for") String query, @P(value = "how many, default 5", required = false) Integer limit) {
        List<PatternEntry> hits = search(query == null ? "" : query, limit == null || limit <= 0 ? 5 : Math.min(limit, 20));
        if (hits.isEmpty()) return "no catalog pattern matches '" + query + "'";
        StringBuilder b = new StringBuilder();
        for (PatternEntry e : hits) b.append(e.id()).append(": ").append(ModelTextRenderer.bound(e.summary())).append('\n');
        return b.toString().stripTrailing();
    }

    @Tool(name = "next_commands", value = """
            Debugger commands worth running next for the patterns found, each with the reason, in \
            the session debugger's syntax. Example: next_commands() -> "gdb: thread apply all bt \
            full — shows the locals of every frame".""")
    public String nextCommands() {
        StringBuilder b = new StringBuilder();
        for (NextCommand c : incident.nextCommands()) {
            b.append(c.debugger()).append(": ").append(c.command()).append(" — ").append(c.reason()).append('\n');
        }
        return b.length() == 0 ? "no command to suggest" : b.toString().stripTrailing();
    }

    @Tool(name = "compare_last_run", value = """
            Compares this incident with the previous recorded run of the same program: which \
            patterns are new, which are gone, and whether the signature is the same.""")
    public String compareLastRun() {
        if (incident.previous().isEmpty()) return "no previous run is recorded for this program";
        PreviousRun p = incident.previous().get();
        List<String> now = incident.findings().stream().map(f -> f.patternId()).distinct().toList();
        List<String> added = now.stream().filter(id -> !p.patternIds().contains(id)).toList();
        List<String> gone = p.patternIds().stream().filter(id -> !now.contains(id)).toList();
        return "previous run: " + p.source() + " (" + p.when() + ")\n"
                + "previous patterns: " + join(p.patternIds()) + "\n"
                + "patterns now: " + join(now) + "\n"
                + "new since then: " + join(added) + "\n"
                + "gone since then: " + join(gone)
                + (p.signature().isEmpty() ? "" : "\nprevious signature: " + p.signature());
    }

    private static String join(List<String> l) {
        return l.isEmpty() ? "none" : String.join(", ", l);
    }

    private List<PatternEntry> search(String query, int limit) {
        return incident.catalog().search(query, limit).stream().map(SearchHit::entry).toList();
    }

    static String render(PatternEntry e) {
        StringBuilder b = new StringBuilder(e.id()).append(" — ").append(e.name()).append(" (").append(e.category()).append(")\n");
        b.append(e.summary().strip()).append('\n');
        list(b, "signals", e.signals());
        list(b, "argues against", e.counterSignals());
        e.commands().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(c -> !c.getValue().isEmpty())
                .forEach(c -> b.append("commands (").append(c.getKey()).append("): ").append(String.join("; ", c.getValue())).append('\n'));
        list(b, "related", e.related());
        list(b, "fixes", e.fixes());
        return b.toString().stripTrailing();
    }

    private static void list(StringBuilder b, String label, List<String> items) {
        if (!items.isEmpty()) b.append(label).append(": ").append(String.join("; ", items)).append('\n');
    }
}
