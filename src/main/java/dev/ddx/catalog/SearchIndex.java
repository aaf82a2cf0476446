package dev.ddx.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lexical index over the catalog: BM25 with per-field weights (name, aliases, signals,
 * summary), stemmed terms, two-word phrases of names and aliases, and query expansion through
 * {@link Synonyms}. Deterministic: equal scores are ordered by catalog position.
 */
final class SearchIndex {
    private static final double K1 = 1.2;
    private static final double SYNONYM_WEIGHT = 0.8;
    private static final Field[] FIELDS = Field.values();

    private enum Field {
        NAME(4.0, 0.2), ALIASES(2.5, 0.5), SIGNALS(1.2, 0.75), SUMMARY(1.0, 0.75), PHRASES(3.0, 0.3);

        final double weight;
        final double b;

        Field(double weight, double b) {
            this.weight = weight;
            this.b = b;
        }
    }

    private record Doc(PatternEntry entry, Map<Field, Map<String, Integer>> tf, Map<Field, Integer> length) {
    }

    private final List<Doc> docs = new ArrayList<>();
    private final Map<String, Integer> df = new HashMap<>();
    private final Map<Field, Double> averageLength = new HashMap<>();
    private final Synonyms synonyms = new Synonyms();
    /** A readable word for each stem, so matches are shown as words, not stems. */
    private final Map<String, String> surface = new HashMap<>();

    SearchIndex(List<PatternEntry> entries) {
        for (PatternEntry e : entries) docs.add(index(e));
        for (Field f : FIELDS) {
            double sum = 0;
            for (Doc d : docs) sum += d.length().get(f);
            averageLength.put(f, docs.isEmpty() ? 1 : Math.max(1, sum / docs.size()));
        }
    }

    private void learnWords(String text) {
        for (String w : TermParser.words(text)) surface.merge(Stemmer.stem(w), w, (a, b) -> a.length() <= b.length() ? a : b);
    }

    private Doc index(PatternEntry e) {
        learnWords(e.name() + " " + String.join(" ", e.aliases()) + " " + e.summary() + " " + String.join(" ", e.signals()));
        Map<Field, List<String>> terms = new LinkedHashMap<>();
        terms.put(Field.NAME, TermParser.terms(e.name()));
        terms.put(Field.ALIASES, TermParser.terms(String.join(" . ", e.aliases())));
        terms.put(Field.SIGNALS, TermParser.terms(String.join(" . ", e.signals())));
        terms.put(Field.SUMMARY, TermParser.terms(e.summary()));
        List<String> phrases = new ArrayList<>(bigrams(TermParser.terms(e.name())));
        for (String a : e.aliases()) phrases.addAll(bigrams(TermParser.terms(a)));
        terms.put(Field.PHRASES, phrases);
        Map<Field, Map<String, Integer>> tf = new HashMap<>();
        Map<Field, Integer> length = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<Field, List<String>> t : terms.entrySet()) {
            Map<String, Integer> counts = new HashMap<>();
            for (String term : t.getValue()) counts.merge(term, 1, Integer::sum);
            tf.put(t.getKey(), counts);
            length.put(t.getKey(), t.getValue().size());
            seen.addAll(counts.keySet());
        }
        for (String term : seen) df.merge(term, 1, Integer::sum);
        return new Doc(e, tf, length);
    }

    private static List<String> bigrams(List<String> terms) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < terms.size(); i++) out.add(terms.get(i) + "_" + terms.get(i + 1));
        return out;
    }

    List<SearchHit> search(String query, int limit) {
        Map<String, Double> weights = queryWeights(query);
        Map<String, String> words = new HashMap<>(surface);
        for (String w : TermParser.words(query)) words.put(Stemmer.stem(w), w);
        List<SearchHit> hits = new ArrayList<>();
        for (Doc d : docs) {
            double score = 0;
            List<String> matched = new ArrayList<>();
            for (Map.Entry<String, Double> q : weights.entrySet()) {
                double s = termScore(d, q.getKey()) * q.getValue();
                if (s > 0) {
                    score += s;
                    if (!q.getKey().contains("_")) matched.add(words.getOrDefault(q.getKey(), q.getKey()));
                }
            }
            if (score > 0) hits.add(new SearchHit(d.entry(), round(score), matched));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return hits.size() > limit ? List.copyOf(hits.subList(0, Math.max(0, limit))) : hits;
    }

    private Map<String, Double> queryWeights(String query) {
        List<String> stems = TermParser.stems(query);
        List<String> terms = TermParser.withoutStopWords(stems);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String t : terms) weights.merge(t, 1.0, Double::max);
        for (String b : bigrams(terms)) weights.merge(b, 1.0, Double::max);
        for (String s : synonyms.expand(stems)) weights.merge(s, SYNONYM_WEIGHT, Double::max);
        return weights;
    }

    private double termScore(Doc d, String term) {
        Integer n = df.get(term);
        if (n == null) return 0;
        double tf = 0;
        for (Field f : FIELDS) {
            Integer c = d.tf().get(f).get(term);
            if (c == null) continue;
            double norm = 1 - f.b + f.b * d.length().get(f) / averageLength.get(f);
            tf += f.weight * c / norm;
        }
        if (tf == 0) return 0;
        double idf = Math.log(1 + (docs.size() - n + 0.5) / (n + 0.5));
        return idf * tf / (K1 + tf);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
