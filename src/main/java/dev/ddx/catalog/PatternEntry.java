package dev.ddx.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pattern of the catalog, as prompts/catalog holds it.
 *
 * @param id             kebab-case of the name; what findings, prompts and reports use
 * @param name           the pattern's name as the catalog spells it
 * @param category       elementary, analysis, architecture, implementation, usage, presentation, design, ddx
 * @param aliases        other names people use for it
 * @param summary        what it means, 2–4 sentences
 * @param signals        evidence that shows it
 * @param counterSignals evidence that argues against it
 * @param commands       per source (gdb, cdb, pdb, logs): real commands that gather its evidence
 * @param related        ids of related patterns
 * @param fixes          usual remedies
 * @param detector       the detector id when ddx detects it automatically
 * @param origin         "catalog" for the named patterns, "ddx" for those ddx adds
 */
public record PatternEntry(
        String id,
        String name,
        String category,
        List<String> aliases,
        String summary,
        List<String> signals,
        List<String> counterSignals,
        Map<String, List<String>> commands,
        List<String> related,
        List<String> fixes,
        Optional<String> detector,
        String origin) {

    public PatternEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        signals = signals == null ? List.of() : List.copyOf(signals);
        counterSignals = counterSignals == null ? List.of() : List.copyOf(counterSignals);
        commands = commands == null ? Map.of() : Map.copyOf(commands);
        related = related == null ? List.of() : List.copyOf(related);
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
        detector = detector == null ? Optional.empty() : detector;
        origin = origin == null || origin.isEmpty() ? "catalog" : origin;
    }

    /** The commands for one source ("gdb", "cdb", "pdb", "logs"); empty when it has none. */
    public List<String> commandsFor(String source) {
        return commands.getOrDefault(source, List.of());
    }
}
