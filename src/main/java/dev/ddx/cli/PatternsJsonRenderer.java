package dev.ddx.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ddx.catalog.Catalog;
import dev.ddx.catalog.CatalogValidation;
import dev.ddx.catalog.PatternEntry;
import dev.ddx.catalog.SearchHit;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders catalog listings, entries and search results as JSON with a stable key order. */
final class PatternsJsonRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PatternsJsonRenderer() {
    }

    static String list(Catalog catalog, List<String> categories) {
        List<Object> cats = new ArrayList<>();
        for (String c : categories) {
            List<Object> entries = new ArrayList<>();
            for (PatternEntry e : catalog.inCategory(c)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("name", e.name());
                m.put("origin", e.origin());
                m.put("detector", e.detector().orElse(null));
                entries.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", c);
            m.put("title", PatternsTextRenderer.TITLES.getOrDefault(c, c));
            m.put("patterns", entries);
            cats.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", catalog.version());
        root.put("categories", cats);
        return write(root);
    }

    static String entry(PatternEntry e) {
        return write(fields(e));
    }

    static String search(String query, List<SearchHit> hits) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", i + 1);
            m.put("id", h.entry().id());
            m.put("name", h.entry().name());
            m.put("category", h.entry().category());
            m.put("score", h.score());
            m.put("matched", h.matched());
            m.put("summary", h.entry().summary());
            out.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("query", query);
        root.put("hits", out);
        return write(root);
    }

    /** Every field of the entry, in the catalog's field order. */
    static Map<String, Object> fields(PatternEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("category", e.category());
        m.put("aliases", e.aliases());
        m.put("summary", e.summary());
        m.put("signals", e.signals());
        m.put("counterSignals", e.counterSignals());
        Map<String, Object> commands = new LinkedHashMap<>();
        for (String s : CatalogValidation.SOURCES) commands.put(s, e.commandsFor(s));
        m.put("commands", commands);
        m.put("related", e.related());
        m.put("fixes", e.fixes());
        m.put("detector", e.detector().orElse(null));
        m.put("origin", e.origin());
        return m;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
