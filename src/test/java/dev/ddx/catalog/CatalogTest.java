package dev.ddx.catalog;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading, validation and lookup of the catalog. */
class CatalogTest {
    private static final String GOOD = """
            patterns:
              - id: wait-chain
                name: Wait Chain
                category: analysis
                aliases: [lock chain]
                summary: Threads wait in a line. The head is the one to examine.
                signals: [a blocked thread waits for a lock owned by another blocked thread]
                counterSignals: [no owner waits]
                commands: {gdb: ["thread apply all bt"], cdb: ["!locks"], pdb: ["w"], logs: []}
                related: []
                fixes: [fix the head]
                origin: catalog
            """;

    private static Map<String, String> files(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("test.yaml", text);
        return m;
    }

    private static CatalogException rejects(String text) {
        return assertThrows(CatalogException.class, () -> Catalog.parse(files(text), "t"));
    }

    @Test
    void theShippedCatalogLoadsWithItsVersionAndEveryCategory() {
        Catalog c = Catalog.load();
        assertTrue(c.all().size() >= 75, "entries: " + c.all().size());
        assertEquals("2", c.version());
        for (String cat : CatalogValidation.CATEGORIES) assertFalse(c.inCategory(cat).isEmpty(), cat);
        assertEquals("Deadlock", c.find("deadlock").orElseThrow().name());
        assertTrue(c.contains("in-papyro"));
        assertFalse(c.contains("no-such-pattern"));
    }

    @Test
    void aWellFormedFileParses() {
        assertEquals(1, Catalog.parse(files(GOOD), "t").all().size());
    }

    @Test
    void invalidYamlFailsNamingTheFile() {
        CatalogException e = rejects("patterns:\n  - id: [unclosed\n");
        assertTrue(e.getMessage().contains("test.yaml"), e.getMessage());
    }

    @Test
    void aFileWithoutAPatternsListFails() {
        assertTrue(rejects("entries: []\n").getMessage().contains("patterns"));
    }

    @Test
    void aMisspeltFieldFails() {
        assertTrue(rejects(GOOD.replace("counterSignals:", "counterSignal:")).getMessage().contains("wait-chain"));
    }

    @Test
    void anIdThatIsNotTheKebabCaseOfTheNameFails() {
        assertTrue(rejects(GOOD.replace("id: wait-chain", "id: waitchain")).getMessage().contains("kebab"));
    }

    @Test
    void aRelatedIdMissingFromTheCatalogFails() {
        assertTrue(rejects(GOOD.replace("related: []", "related: [deadlock]")).getMessage().contains("deadlock"));
    }

    @Test
    void anUnknownCategoryOrSourceFails() {
        assertTrue(rejects(GOOD.replace("category: analysis", "category: misc")).getMessage().contains("category"));
        assertTrue(rejects(GOOD.replace("logs: []", "lldb: [bt]")).getMessage().contains("lldb"));
    }

    @Test
    void aSummaryOfOneSentenceFails() {
        assertTrue(rejects(GOOD.replace(" The head is the one to examine.", "")).getMessage().contains("sentences"));
    }

    @Test
    void anAngleBracketPlaceholderFails() {
        assertTrue(rejects(GOOD.replace("\"!locks\"", "\"~<n>s\"")).getMessage().contains("angle"));
    }

    @Test
    void duplicateIdsFail() {
        String twice = GOOD + GOOD.substring(GOOD.indexOf("  - id"));
        assertTrue(rejects(twice).getMessage().contains("duplicate"));
    }

    @Test
    void everyShippedCommandUsesOnlyTheKnownPlaceholders() {
        for (PatternEntry e : Catalog.load().all()) {
            for (String source : CatalogValidation.SOURCES) {
                for (String cmd : e.commandsFor(source)) {
                    for (String word : cmd.split("[^A-Za-z_]+")) {
                        if (word.length() >= 3 && word.equals(word.toUpperCase()) && word.chars().allMatch(Character::isLetter)) {
                            assertTrue(CatalogValidation.PLACEHOLDERS.contains(word) || KNOWN_CAPS.contains(word),
                                    e.id() + " " + source + " command uses an unknown placeholder " + word + ": " + cmd);
                        }
                    }
                }
            }
        }
    }

    /** Upper-case words that are literal parts of commands or patterns, not placeholders. */
    private static final java.util.Set<String> KNOWN_CAPS = java.util.Set.of("ERROR", "VERSION");

    @Test
    void noTextIsRepeatedBetweenEntries() {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (PatternEntry e : Catalog.load().all()) {
            List<String> texts = new java.util.ArrayList<>(List.of(e.summary().split("(?<=[.!?])\\s+")));
            texts.addAll(e.signals());
            for (String t : texts) {
                String key = t.strip().toLowerCase(java.util.Locale.ROOT);
                if (key.length() < 40) continue;
                String before = seen.putIfAbsent(key, e.id());
                assertTrue(before == null || before.equals(e.id()), "\"" + t + "\" appears in " + before + " and " + e.id());
            }
        }
    }

    @Test
    void closeIdsSuggestNearSpellingsAndWords() {
        Catalog c = Catalog.load();
        assertEquals("deadlock", c.closeIds("deadlok", 3).get(0));
        assertTrue(c.closeIds("leak", 5).contains("memory-leak"));
    }
}
