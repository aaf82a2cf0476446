package dev.ddx.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pattern catalog: the one source detectors, prompts, {@code ddx patterns} and reports read.
 * Loaded from the classpath ({@code prompts/catalog/}, the files listed by {@code index.txt}),
 * validated as it is built ({@link CatalogValidation}): a malformed catalog throws
 * {@link CatalogException} and is never half-used.
 */
public final class Catalog {
    private static final String ROOT = "prompts/catalog/";
    private static volatile Catalog shared;

    private final Map<String, PatternEntry> byId;
    private final String version;
    private volatile SearchIndex index;

    /** A catalog of these entries; throws {@link CatalogException} when they break a rule. */
    public Catalog(List<PatternEntry> entries, String version) {
        CatalogValidation.requireValid(entries);
        Map<String, PatternEntry> m = new LinkedHashMap<>();
        for (PatternEntry e : entries) m.put(e.id(), e);
        this.byId = Collections.unmodifiableMap(m);
        this.version = version;
    }

    /** The catalog shipped in the jar, loaded once. */
    public static Catalog load() {
        Catalog c = shared;
        if (c == null) {
            synchronized (Catalog.class) {
                if (shared == null) shared = loadFromClasspath();
                c = shared;
            }
        }
        return c;
    }

    /**
     * A catalog read from YAML texts (file name → content, in listing order), validated. Used
     * for the shipped files and by tests that check malformed input fails loudly.
     */
    public static Catalog parse(Map<String, String> files, String version) {
        CatalogReader reader = new CatalogReader();
        List<PatternEntry> entries = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) entries.addAll(reader.read(f.getKey(), f.getValue()));
        return new Catalog(entries, version);
    }

    private static Catalog loadFromClasspath() {
        String index = new String(resource("index.txt"), StandardCharsets.UTF_8);
        Texts texts;
        try {
            texts = Texts.of(index, name -> new String(resource(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CatalogException(List.of("cannot read the catalog: " + e.getMessage()), e);
        }
        // the packed form made at build time loads in milliseconds; used only when made from these very texts
        byte[] packed = optionalResource(PackedCatalog.FILE_NAME);
        if (packed != null) {
            Optional<List<PatternEntry>> entries = PackedCatalog.read(packed, PackedCatalog.checksum(index, texts.files()));
            if (entries.isPresent()) return new Catalog(entries.get(), texts.version());
        }
        return parse(texts.files(), texts.version());
    }

    /** The catalog's YAML texts (file name → content, in listing order) and version, as index.txt lists them. */
    record Texts(Map<String, String> files, String version) {
        /** Reads one named file of the catalog. */
        interface Source {
            String read(String name) throws IOException;
        }

        static Texts of(String index, Source source) throws IOException {
            Map<String, String> files = new LinkedHashMap<>();
            String version = "0";
            for (String line : index.split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                if (l.startsWith("version:")) version = l.substring("version:".length()).strip();
                else files.put(l, source.read(l));
            }
            return new Texts(files, version);
        }
    }

    private static byte[] resource(String name) {
        byte[] bytes = optionalResource(name);
        if (bytes == null) throw new CatalogException(List.of("missing catalog file " + ROOT + name));
        return bytes;
    }

    private static byte[] optionalResource(String name) {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new CatalogException(List.of("cannot read catalog file " + ROOT + name + ": " + e.getMessage()), e);
        }
    }

    /** Every entry, in catalog order (by category file, then file order). */
    public List<PatternEntry> all() {
        return List.copyOf(byId.values());
    }

    public Optional<PatternEntry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The catalog's version, recorded in transcript headers. */
    public String version() {
        return version;
    }

    /** The entries of one category, in catalog order; empty for an unknown category. */
    public List<PatternEntry> inCategory(String category) {
        return byId.values().stream().filter(e -> e.category().equals(category)).toList();
    }

    /**
     * The patterns that best match a plain-language description, best first, at most
     * {@code limit}; empty when nothing matches. Lexical (BM25 over name, aliases, signals and
     * summary, with stemming and debugging synonyms), deterministic.
     */
    public List<SearchHit> search(String query, int limit) {
        if (query == null || query.isBlank() || limit <= 0) return List.of();
        SearchIndex i = index;
        if (i == null) {
            i = new SearchIndex(all());
            index = i;
        }
        return i.search(query, limit);
    }

    /**
     * Ids close to an unknown one (a typo, a name instead of an id, a word of the name), best
     * first, at most {@code limit}: for "did you mean" hints.
     */
    public List<String> closeIds(String unknown, int limit) {
        return CloseIds.rank(unknown, byId.keySet(), limit, this);
    }
}
