package dev.ddx.catalog;

import java.util.Map;

/**
 * A small suffix stripper for English search terms. It is not linguistically exact; it only has
 * to map the forms people type ("leaking", "leaks", "leaked") to one stem, the same way for the
 * catalog text and for queries.
 */
final class Stemmer {
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("hung", "hang"), Map.entry("froze", "freez"), Map.entry("frozen", "freez"),
            Map.entry("grew", "grow"), Map.entry("grown", "grow"), Map.entry("ran", "run"),
            Map.entry("died", "di"), Map.entry("dies", "di"), Map.entry("dying", "di"),
            Map.entry("broke", "break"), Map.entry("broken", "break"), Map.entry("threw", "throw"),
            Map.entry("thrown", "throw"), Map.entry("ate", "eat"), Map.entry("eaten", "eat"),
            Map.entry("lost", "lose"), Map.entry("held", "hold"), Map.entry("stuck", "stuck"));

    private Stemmer() {
    }

    static String stem(String word) {
        String w = IRREGULAR.get(word);
        if (w != null) return w;
        w = word;
        if (w.length() <= 3) return w;
        w = plural(w);
        w = verbEnding(w);
        if (w.length() > 5 && w.endsWith("ly")) w = w.substring(0, w.length() - 2);
        if (w.length() > 3 && w.endsWith("e")) w = w.substring(0, w.length() - 1);
        return w;
    }

    private static String plural(String w) {
        if (w.endsWith("sses")) return w.substring(0, w.length() - 2);
        if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes") || w.endsWith("zes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String verbEnding(String w) {
        String base = w;
        if (w.endsWith("ing") && w.length() > 5) base = w.substring(0, w.length() - 3);
        else if (w.endsWith("ied") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
        else if (w.endsWith("ed") && w.length() > 4) base = w.substring(0, w.length() - 2);
        if (base == w) return w;
        int n = base.length();
        if (n >= 3 && base.charAt(n - 1) == base.charAt(n - 2) && "bdfgkmnprt".indexOf(base.charAt(n - 1)) >= 0) {
            return base.substring(0, n - 1);
        }
        return base;
    }
}
