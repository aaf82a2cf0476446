package dev.ddx.backend.logs.mine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups shapes of one length into templates by how often each token occurs at its position.
 * The words of a template occur in every message of it, so within one message they share the
 * same (highest common) frequency; values occur less often. Each shape keeps the positions whose
 * token is at least as frequent as the frequency most of its positions share; shapes that agree on
 * those positions form one group.
 */
final class ShapeGrouper {
    /** The first words of a message are its verb and subject: always part of the template (as in Drain). */
    static final int LEADING = 2;
    private ShapeGrouper() {
    }

    static List<Shape[]> group(List<Shape> same) {
        if (same.isEmpty()) return List.of();
        int n = same.get(0).tokens.length;
        List<Map<String, Long>> freq = new ArrayList<>(n);
        for (int p = 0; p < n; p++) freq.add(TemplateMiner.counts(same, p));
        Map<String, List<Shape>> groups = new LinkedHashMap<>();
        for (Shape s : same) {
            groups.computeIfAbsent(key(s, freq), k -> new ArrayList<>()).add(s);
        }
        List<Shape[]> out = new ArrayList<>();
        for (List<Shape> g : groups.values()) out.add(g.toArray(new Shape[0]));
        return out;
    }

    static final boolean SETTING = false;

    /** A {@code key=word} token names a setting (state=RUNNING, user=root): its value picks the template. */
    static boolean isSetting(String token) {
        int eq = token.indexOf('=');
        return eq > 0 && eq < token.length() - 1 && !token.contains(TokenMasker.WILDCARD);
    }

    private static String key(Shape s, List<Map<String, Long>> freq) {
        int n = s.tokens.length;
        long[] f = new long[n];
        Map<Long, Integer> positionsByFreq = new HashMap<>();
        for (int p = 0; p < n; p++) {
            f[p] = freq.get(p).get(s.tokens[p]);
            positionsByFreq.merge(f[p], 1, Integer::sum);
        }
        long common = 0;
        int most = -1;
        for (Map.Entry<Long, Integer> e : positionsByFreq.entrySet()) {
            if (e.getValue() > most || (e.getValue() == most && e.getKey() > common)) {
                most = e.getValue();
                common = e.getKey();
            }
        }
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < n; p++) {
            boolean keep = p < LEADING || f[p] >= common || (SETTING && isSetting(s.tokens[p]));
            b.append(keep ? s.tokens[p] : TokenMasker.WILDCARD).append(' ');
        }
        return b.toString();
    }
}
