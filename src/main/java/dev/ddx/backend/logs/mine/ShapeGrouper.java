package dev.ddx.backend.logs.mine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups shapes of one length into templates, in three steps, with no per-system setting.
 * <ol>
 * <li>By frequency: the words of a template occur in every message of it, so within one message
 * they share the same (highest common) frequency; values occur less often. Each shape keeps its
 * first two words and the positions whose token is at least as frequent as the frequency most of
 * its positions share; shapes that agree on those positions form one group.</li>
 * <li>Split: a group splits at a position holding a few settings ({@code user=root}) or upper-case
 * enum constants ({@code RUNNING}): they name states, not values.</li>
 * <li>Subsume: a group merges into a larger one whose template already covers it.</li>
 * </ol>
 */
final class ShapeGrouper {
    /** The first words of a message are its verb and subject: always part of the template (as in Drain). */
    static final int LEADING = 2;
    static final int MERGE_CANDIDATES = 200;

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
        for (List<Shape> g : groups.values()) split(g, out);
        return subsume(out);
    }

    /** A {@code key=word} token names a setting (state=RUNNING, user=root): its value picks the template. */
    static boolean isSetting(String token) {
        int eq = token.indexOf('=');
        return eq > 0 && eq < token.length() - 1 && !token.contains(TokenMasker.WILDCARD);
    }

    static String general(String t) {
        return TokenMasker.generalize(t);
    }

    /**
     * Merges a group into a larger one whose template already covers it: equal wherever the larger
     * template has a word, so the smaller group only fixed a value the larger one shows varies.
     */
    private static List<Shape[]> subsume(List<Shape[]> groups) {
        if (groups.size() < 2) return groups;
        List<Shape[]> bySize = new ArrayList<>(groups);
        bySize.sort((x, y) -> Long.compare(weight(y), weight(x)));
        List<String[]> templates = new ArrayList<>();
        for (Shape[] g : bySize) templates.add(template(g));
        List<List<Shape>> merged = new ArrayList<>();
        for (Shape[] g : bySize) merged.add(new ArrayList<>(List.of(g)));
        boolean[] gone = new boolean[bySize.size()];
        for (int b = 1; b < bySize.size(); b++) {
            for (int a = 0; a < Math.min(b, MERGE_CANDIDATES); a++) {
                if (gone[a] || !covers(templates.get(a), templates.get(b))) continue;
                merged.get(a).addAll(merged.get(b));
                gone[b] = true;
                break;
            }
        }
        List<Shape[]> out = new ArrayList<>();
        for (int i = 0; i < bySize.size(); i++) if (!gone[i]) out.add(merged.get(i).toArray(new Shape[0]));
        return out;
    }

    private static boolean covers(String[] general, String[] specific) {
        boolean wildSeen = false;
        for (int i = 0; i < general.length; i++) {
            if (general[i].equals(TokenMasker.WILDCARD)) {
                wildSeen = true;
            } else if (!general[i].equals(specific[i])) {
                return false;
            }
        }
        return wildSeen;
    }

    private static long weight(Shape[] g) {
        long w = 0;
        for (Shape s : g) w += s.count;
        return w;
    }

    private static String[] template(Shape[] g) {
        String[] t = new String[g[0].tokens.length];
        for (int i = 0; i < t.length; i++) t[i] = general(g[0].tokens[i]);
        for (Shape s : g) {
            for (int i = 0; i < t.length; i++) if (!t[i].equals(general(s.tokens[i]))) t[i] = TokenMasker.WILDCARD;
        }
        return t;
    }

    /** A setting (key=word) with at most this many values is an enumeration. */
    static final int FEW = 4;
    /** Upper-case constants split a group when there are at most this many of them at one position. */
    static final int MAX_ENUM = 16;

    /** An upper-case identifier (RUNNING, FAIL_TASK_CLEANUP) is an enum constant: it names a state, it is not a value. */
    static boolean isEnumConstant(String t) {
        if (t.length() < 2) return false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '_') return false;
        }
        return true;
    }

    /** Splits a group at the first position whose differing values are few plain words (an enumeration, not a value). */
    private static void split(List<Shape> g, List<Shape[]> out) {
        if (g.size() > 1) {
            int n = g.get(0).tokens.length;
            for (int p = 0; p < n; p++) {
                Map<String, List<Shape>> byValue = new LinkedHashMap<>();
                boolean plain = true;
                for (Shape s : g) {
                    String t = s.tokens[p];
                    if (t.contains(TokenMasker.WILDCARD) || !(isSetting(t) || isEnumConstant(t))) {
                        plain = false;
                        break;
                    }
                    byValue.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
                    if (byValue.size() > MAX_ENUM) break;
                }
                int limit = isSetting(g.get(0).tokens[p]) ? FEW : MAX_ENUM;
                if (plain && byValue.size() > 1 && byValue.size() <= limit) {
                    for (List<Shape> part : byValue.values()) split(part, out);
                    return;
                }
            }
        }
        out.add(g.toArray(new Shape[0]));
    }

    private static String key(Shape s, List<Map<String, Long>> freq) {
        int n = s.tokens.length;
        long[] f = new long[n];
        Map<Long, Integer> positionsByFreq = new HashMap<>();
        for (int p = 0; p < n; p++) {
            f[p] = freq.get(p).get(general(s.tokens[p]));
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
            boolean keep = p < LEADING || f[p] >= common;
            b.append(keep ? general(s.tokens[p]) : TokenMasker.WILDCARD).append(' ');
        }
        return b.toString();
    }
}
