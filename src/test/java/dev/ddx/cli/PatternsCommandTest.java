package dev.ddx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddx.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ddx patterns} as a user runs it: listing, one entry, search, JSON, errors, help. */
class PatternsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Ddx.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void listingShowsEveryCategoryWithItsPatterns() {
        Run r = run("patterns");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Elementary diagnostics (5)\n  use-case-deviation"), r.out());
        for (String heading : PatternsTextRenderer.TITLES.values()) assertTrue(r.out().contains(heading + " ("), heading);
        assertTrue(r.out().contains("\n  in-papyro                  In Papyro"), r.out());
        int total = Catalog.load().all().size();
        assertTrue(r.out().contains("\n" + total + " patterns, catalog version "), r.out());
    }

    @Test
    void oneCategoryCanBeListedAlone() {
        Run r = run("patterns", "--category", "ddx");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Added by ddx"), r.out());
        assertFalse(r.out().contains("Elementary"));
    }

    @Test
    void searchCanBeKeptToOneCategory() {
        Run r = run("patterns", "--search", "threads waiting on a lock", "--category", "ddx");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  1. lock-contention "), r.out());
        assertFalse(r.out().contains(" deadlock "), r.out());
    }

    @Test
    void anUnknownCategoryIsAUsageError() {
        Run r = run("patterns", "--category", "misc");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ddx: no category 'misc'"), r.err());
    }

    @Test
    void anIdShowsTheWholeEntry() {
        Run r = run("patterns", "deadlock");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Deadlock (deadlock)\ncategory: analysis   origin: catalog"), r.out());
        for (String part : new String[] {"\nSignals\n  - ", "\nCounter-signals\n  - ", "\nCommands\n  gdb:  thread apply all bt",
                "\n  cdb:  !locks", "\n  pdb:  ", "\nRelated: wait-chain", "\nFixes\n  - take locks in one global order"}) {
            assertTrue(r.out().contains(part), "missing " + part + " in\n" + r.out());
        }
        for (String line : r.out().split("\n")) assertTrue(line.length() <= PatternsTextRenderer.WIDTH, line);
    }

    @Test
    void searchRanksDeadlockFirstForThreadsWaitingOnEachOther() {
        Run r = run("patterns", "--search", "two threads each waiting for the other");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Patterns for \"two threads each waiting for the other\":\n  1. deadlock "), r.out());
        assertEquals(5, r.out().lines().filter(l -> l.matches("  \\d\\. .*")).count(), r.out());
        assertTrue(r.out().endsWith("Show one in full: ddx patterns deadlock\n"), r.out());
    }

    @Test
    void searchWithNoMatchSaysSoAndSucceeds() {
        Run r = run("patterns", "--search", "zzzz qqqq");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("No pattern matches \"zzzz qqqq\""), r.out());
    }

    @Test
    void jsonListingHasEveryCategoryAndEntry() throws Exception {
        Run r = run("patterns", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(Catalog.load().version(), root.path("version").asText());
        assertEquals(8, root.path("categories").size());
        int n = 0;
        for (JsonNode c : root.path("categories")) n += c.path("patterns").size();
        assertEquals(Catalog.load().all().size(), n);
        assertEquals("use-case-deviation", root.path("categories").get(0).path("patterns").get(0).path("id").asText());
    }

    @Test
    void jsonEntryHasEveryField() throws Exception {
        JsonNode e = JSON.readTree(run("patterns", "in-papyro", "--format", "json").out());
        for (String f : new String[] {"id", "name", "category", "aliases", "summary", "signals", "counterSignals",
                "commands", "related", "fixes", "detector", "origin"}) {
            assertTrue(e.has(f), "field " + f);
        }
        assertEquals("In Papyro", e.path("name").asText());
        assertTrue(e.path("commands").has("gdb") && e.path("commands").has("logs"));
    }

    @Test
    void jsonSearchRanksHitsWithScores() throws Exception {
        JsonNode root = JSON.readTree(run("patterns", "-s", "memory keeps growing", "-n", "3", "-f", "json").out());
        assertEquals("memory keeps growing", root.path("query").asText());
        assertEquals(3, root.path("hits").size());
        JsonNode first = root.path("hits").get(0);
        assertEquals("memory-leak", first.path("id").asText());
        assertEquals(1, first.path("rank").asInt());
        assertTrue(first.path("score").asDouble() >= root.path("hits").get(1).path("score").asDouble());
    }

    @Test
    void anUnknownIdIsOneLineWithCloseMatchesAndExitTwo() {
        Run r = run("patterns", "deadlok");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals("ddx: no pattern 'deadlok' in the catalog; did you mean deadlock?", r.err().strip());
    }

    @Test
    void anIdTogetherWithSearchIsAUsageError() {
        Run r = run("patterns", "crash", "--search", "segfault");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ddx: give either a pattern ID or --search"), r.err());
    }

    @Test
    void helpIsPinned() {
        Run r = run("patterns", "--help");
        assertEquals(0, r.exit());
        assertEquals("""
                Usage: ddx patterns [-hV] [--debug] [-c=CATEGORY] [-f=FORMAT] [-n=N] [-s=TEXT]
                                    [ID]
                Browse and search the pattern catalog.
                Without arguments, lists every pattern by category. With an ID, shows that
                pattern in full.
                With --search, ranks the patterns that fit a plain-language description.
                      [ID]                  A pattern id, e.g. deadlock or in-papyro.
                  -c, --category=CATEGORY   List or search one category only: elementary,
                                              analysis, architecture, implementation, usage,
                                              presentation, design, ddx.
                      --debug               On an error, print the Java stack trace too.
                  -f, --format=FORMAT       Output format: text, json (default: text).
                  -h, --help                Show this help message and exit.
                  -n, --limit=N             How many search results to show (default: 5).
                  -s, --search=TEXT         Rank patterns for a plain-language description.
                  -V, --version             Print version information and exit.

                Examples:
                  ddx patterns
                  ddx patterns deadlock
                  ddx patterns --search "two threads each waiting for the other"
                  ddx patterns --category ddx --format json
                """, r.out().replace("\r\n", "\n"));
    }
}
