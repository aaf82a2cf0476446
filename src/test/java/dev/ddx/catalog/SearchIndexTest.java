package dev.ddx.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of lexical search: stems, stop words, synonyms, ranking rules. */
class SearchIndexTest {
    private final Catalog catalog = Catalog.load();

    @Test
    void formsOfAWordShareOneStem() {
        for (List<String> forms : List.of(List.of("leak", "leaks", "leaking", "leaked"),
                List.of("hang", "hangs", "hanging", "hung"), List.of("crash", "crashes", "crashed", "crashing"),
                List.of("wait", "waits", "waiting", "waited"), List.of("freeze", "freezes", "froze", "frozen"),
                List.of("library", "libraries"), List.of("stop", "stopped", "stopping"))) {
            for (String f : forms) assertEquals(Stemmer.stem(forms.get(0)), Stemmer.stem(f), f);
        }
    }

    @Test
    void stopWordsCarryNoWeightButStayForPhrases() {
        assertEquals(List.of("thread", "wait"), TermParser.terms("the threads are waiting for it"));
        assertEquals(6, TermParser.stems("the threads are waiting for it").size());
    }

    @Test
    void synonymsMapEverydayWordsToCatalogTerms() {
        Synonyms s = new Synonyms();
        assertTrue(s.expand(TermParser.stems("the app froze")).contains("hang"));
        assertTrue(s.expand(TermParser.stems("both waiting for each other")).contains("deadlock"));
        assertTrue(s.expand(TermParser.stems("memory grows all day")).contains("leak"));
        assertTrue(s.expand(TermParser.stems("stuck at 100% cpu")).contains(Stemmer.stem("spike")));
        assertEquals(List.of(), s.expand(TermParser.stems("hello world")));
    }

    @Test
    void resultsAreRankedDeterministicallyAndLimited() {
        List<SearchHit> a = catalog.search("threads blocked on a lock", 4);
        List<SearchHit> b = catalog.search("threads blocked on a lock", 4);
        assertEquals(4, a.size());
        assertEquals(a, b);
        for (int i = 1; i < a.size(); i++) assertTrue(a.get(i - 1).score() >= a.get(i).score());
    }

    @Test
    void blankQueriesAndUnknownWordsFindNothing() {
        assertEquals(List.of(), catalog.search("   ", 5));
        assertEquals(List.of(), catalog.search("xyzzy plugh", 5));
        assertEquals(List.of(), catalog.search("deadlock", 0));
    }

    @Test
    void anExactNameRanksItsPatternFirst() {
        for (PatternEntry e : catalog.all()) {
            List<SearchHit> hits = catalog.search(e.name(), 3);
            assertTrue(hits.stream().anyMatch(h -> h.entry().id().equals(e.id())), e.name() + " -> "
                    + hits.stream().map(h -> h.entry().id()).toList());
        }
    }
}
