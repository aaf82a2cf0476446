package dev.ddx.cli;

import dev.ddx.catalog.Catalog;
import dev.ddx.catalog.CatalogValidation;
import dev.ddx.catalog.PatternEntry;
import dev.ddx.catalog.SearchHit;
import dev.ddx.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ddx patterns}: list the catalog by category, show one entry, or search it in plain words. */
@Command(name = "patterns", mixinStandardHelpOptions = true,
        description = {"Browse and search the pattern catalog.",
                "Without arguments, lists every pattern by category. With an ID, shows that pattern in full.",
                "With --search, ranks the patterns that fit a plain-language description."},
        footer = {"", "Examples:",
                "  ddx patterns",
                "  ddx patterns deadlock",
                "  ddx patterns --search \"two threads each waiting for the other\"",
                "  ddx patterns --category ddx --format json"})
public final class PatternsCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, json }

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "A pattern id, e.g. deadlock or in-papyro.")
    String id;

    @Option(names = {"-s", "--search"}, paramLabel = "TEXT", description = "Rank patterns for a plain-language description.")
    String search;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "5",
            description = "How many search results to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = {"-c", "--category"}, paramLabel = "CATEGORY",
            description = "List or search one category only: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Categories.class)
    String category;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.load();
        PrintWriter out = spec.commandLine().getOut();
        boolean json = format == Format.json;
        if (id != null && (search != null || category != null)) {
            throw new UsageException("give either a pattern ID or --search/--category, not both",
                    "try: ddx patterns --help");
        }
        if (category != null && !CatalogValidation.CATEGORIES.contains(category)) {
            throw new UsageException("no category '" + category + "'; the categories are "
                    + String.join(", ", CatalogValidation.CATEGORIES));
        }
        if (search != null) {
            if (search.isBlank()) throw new UsageException("--search needs some words", "try: ddx patterns --search \"stuck threads\"");
            if (limit < 1) throw new UsageException("--limit must be at least 1, not " + limit);
            List<SearchHit> hits = category == null ? catalog.search(search, limit)
                    : catalog.search(search, Integer.MAX_VALUE).stream()
                    .filter(h -> h.entry().category().equals(category)).limit(limit).toList();
            out.print(json ? PatternsJsonRenderer.search(search, hits) : PatternsTextRenderer.search(search, hits));
        } else if (id != null) {
            PatternEntry e = catalog.find(id).orElseThrow(() -> unknown(catalog, id));
            out.print(json ? PatternsJsonRenderer.entry(e) : PatternsTextRenderer.entry(e));
        } else {
            List<String> categories = category == null ? CatalogValidation.CATEGORIES : List.of(category);
            out.print(json ? PatternsJsonRenderer.list(catalog, categories) : PatternsTextRenderer.list(catalog, categories));
        }
        out.flush();
        return 0;
    }

    private static UsageException unknown(Catalog catalog, String id) {
        List<String> close = catalog.closeIds(id, 3);
        String hint = close.isEmpty() ? "; list them with: ddx patterns" : "; did you mean " + String.join(", ", close) + "?";
        return new UsageException("no pattern '" + id + "' in the catalog" + hint);
    }

    /** The category names, for help and completion. */
    static final class Categories implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return CatalogValidation.CATEGORIES.iterator();
        }
    }
}
