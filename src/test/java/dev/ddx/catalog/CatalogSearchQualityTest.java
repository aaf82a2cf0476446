package dev.ddx.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search quality on plain-language queries with their expected pattern (issue item 4). */
class CatalogSearchQualityTest {

    record Query(String text, String expected) {
    }

    static List<Query> queries() throws IOException {
        try (InputStream in = CatalogSearchQualityTest.class.getResourceAsStream("/catalog/search-queries.tsv")) {
            List<Query> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t");
                out.add(new Query(parts[0].strip(), parts[1].strip()));
            }
            return out;
        }
    }

    @Test
    void everyQueryExpectsAPatternOfTheCatalog() throws IOException {
        Catalog catalog = Catalog.load();
        List<Query> queries = queries();
        assertTrue(queries.size() >= 40, "at least 40 queries, found " + queries.size());
        for (Query q : queries) assertTrue(catalog.contains(q.expected()), "unknown expected id " + q.expected());
    }

    @Test
    void theExpectedPatternIsInTheTopThreeForAtLeastNinetyPercentOfQueries() throws IOException {
        Catalog catalog = Catalog.load();
        List<Query> queries = queries();
        int top1 = 0;
        int top3 = 0;
        StringBuilder misses = new StringBuilder();
        for (Query q : queries) {
            List<String> ids = catalog.search(q.text(), 3).stream().map(h -> h.entry().id()).toList();
            if (!ids.isEmpty() && ids.get(0).equals(q.expected())) top1++;
            if (ids.contains(q.expected())) top3++;
            else misses.append("  miss: ").append(q.text()).append(" -> expected ").append(q.expected())
                    .append(", got ").append(ids).append('\n');
        }
        double share3 = (double) top3 / queries.size();
        double share1 = (double) top1 / queries.size();
        System.out.printf("catalog search quality: %d queries, top-3 %.1f%% (%d), top-1 %.1f%% (%d)%n",
                queries.size(), 100 * share3, top3, 100 * share1, top1);
        System.out.print(misses);
        assertTrue(share3 >= 0.90, "top-3 share " + share3 + " is below 90%:\n" + misses);
    }

    @Test
    void theIssuesExampleRanksDeadlockFirst() {
        List<SearchHit> hits = Catalog.load().search("two threads each waiting for the other", 5);
        assertEquals("deadlock", hits.get(0).entry().id());
    }
}
