package dev.ddx.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Suggestions for an id the catalog lacks: near spellings first, then lexical search hits. */
final class CloseIds {
    private CloseIds() {
    }

    static List<String> rank(String unknown, Collection<String> ids, int limit, Catalog catalog) {
        String wanted = CatalogValidation.idOf(unknown);
        record Scored(String id, int distance) {
        }
        List<Scored> near = new ArrayList<>();
        for (String id : ids) {
            int d = distance(wanted, id);
            int allowed = Math.max(2, id.length() / 4);
            if (d <= allowed || (wanted.length() >= 3 && id.contains(wanted))) near.add(new Scored(id, d));
        }
        near.sort(Comparator.comparingInt(Scored::distance));
        Set<String> out = new LinkedHashSet<>();
        for (Scored s : near) out.add(s.id());
        for (SearchHit h : catalog.search(unknown.replace('-', ' '), limit)) out.add(h.entry().id());
        return out.stream().limit(limit).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
