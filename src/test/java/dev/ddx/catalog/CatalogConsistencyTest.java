package dev.ddx.catalog;

import dev.ddx.pattern.Detector;
import dev.ddx.pattern.DetectorRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One source of truth (issue item 5): detectors, the catalog and the issue's list agree. */
class CatalogConsistencyTest {
    private final Catalog catalog = Catalog.load();

    /** Every pattern the catalog issue names, with the names exactly as given there. */
    static final List<String> NAMED = List.of(
            "Use-Case Deviation", "Crash", "Hang", "Counter Value", "Error Message",
            "Paratext", "State Dump", "Stack Trace", "Runtime Thread", "Managed Stack Trace",
            "Source Stack Trace", "Stack Trace Collection", "Stack Trace Set", "Managed Code Exception",
            "Nested Exception", "Exception Stack Trace", "Software Exception", "Module Collection",
            "Not My Version", "Exception Module", "Origin Module", "Spiking Thread", "Active Thread",
            "Blocked Thread", "Blocking Module", "Wait Chain", "Deadlock", "Livelock", "Memory Leak",
            "Handle Leak",
            "In Papyro", "In Vivo", "In Vitro", "In Silico", "In Situ", "Ex Situ", "Live", "JIT", "Postmortem",
            "Code", "Data", "Interaction", "Software Narrative", "Software State",
            "Break-Ins", "Code Breakpoint", "Code Trace", "Scope", "Variable Value", "Type Structure",
            "Breakpoint Action", "Usage Trace",
            "Exact Sequence", "Scripting", "Debugger Extension", "Abstract Command", "Space Translation",
            "Lifting", "Gestures");

    @Test
    void everyNamedPatternIsPresentUnderItsExactName() {
        for (String name : NAMED) {
            String id = CatalogValidation.idOf(name);
            PatternEntry e = catalog.find(id).orElseThrow(() -> new AssertionError("missing pattern " + name + " (" + id + ")"));
            assertEquals(name, e.name(), "name of " + id);
            assertEquals("catalog", e.origin(), "origin of " + id);
        }
    }

    @Test
    void theIdsOfTheStyleGuideAreTheOnesTheCatalogUses() {
        for (String id : List.of("crash", "hang", "counter-value", "error-message", "stack-trace-collection",
                "stack-trace-set", "managed-code-exception", "nested-exception", "exception-stack-trace",
                "software-exception", "module-collection", "not-my-version", "exception-module", "origin-module",
                "spiking-thread", "active-thread", "blocked-thread", "blocking-module", "wait-chain", "deadlock",
                "livelock", "memory-leak", "handle-leak", "stack-overflow", "heap-corruption", "race-condition",
                "in-papyro", "break-ins")) {
            assertTrue(catalog.contains(id), "catalog lacks " + id);
        }
    }

    @Test
    void presentationAndDesignHaveTheirEntriesAndDdxAddsItsOwn() {
        assertTrue(catalog.inCategory("presentation").size() >= 4, "presentation ways");
        assertTrue(catalog.contains("failing-ci-build") && catalog.contains("data-processing-pipeline"), "design cases");
        for (PatternEntry e : catalog.inCategory("ddx")) assertEquals("ddx", e.origin(), e.id());
        for (String id : List.of("stack-overflow", "heap-corruption", "race-condition", "use-after-free",
                "out-of-memory", "resource-exhaustion", "timeout")) {
            assertEquals("ddx", catalog.find(id).orElseThrow().origin(), id);
        }
    }

    @Test
    void everyIdADetectorCanEmitIsInTheCatalog() {
        Set<String> missing = new TreeSet<>();
        for (Detector<?> d : DetectorRegistry.all()) {
            for (String id : d.emits()) if (!catalog.contains(id)) missing.add(d.id() + " emits " + id);
        }
        assertTrue(missing.isEmpty(), "detectors emit ids the catalog lacks: " + missing);
    }

    @Test
    void everyPatternIdWrittenLiterallyInAFindingIsInTheCatalog() throws java.io.IOException {
        java.nio.file.Path src = java.nio.file.Path.of(System.getProperty("ddx.project.dir", "."), "src", "main", "java");
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("new Finding\\(\\s*\"([^\"]+)\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (var files = java.nio.file.Files.walk(src)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var m = literal.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    found++;
                    if (!catalog.contains(m.group(1))) missing.add(m.group(1) + " in " + f.getFileName());
                }
            }
        }
        assertTrue(found > 0, "no finding literals found under " + src);
        assertTrue(missing.isEmpty(), "findings name patterns the catalog lacks: " + missing);
    }

    @Test
    void everyCatalogDetectorFieldNamesADetectorOfTheRegistry() {
        Set<String> registered = DetectorRegistry.all().stream().map(Detector::id).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        for (PatternEntry e : catalog.all()) {
            e.detector().filter(d -> !registered.contains(d)).ifPresent(d -> unknown.add(e.id() + " -> " + d));
        }
        assertTrue(unknown.isEmpty(), "catalog names detectors the registry lacks: " + unknown);
    }

    @Test
    void aDetectorNamedByAnEntryEmitsThatEntrysPattern() {
        for (PatternEntry e : catalog.all()) {
            e.detector().ifPresent(id -> {
                Set<String> emits = DetectorRegistry.all().stream().filter(d -> d.id().equals(id))
                        .flatMap(d -> d.emits().stream()).collect(Collectors.toSet());
                assertTrue(emits.contains(e.id()), e.id() + " names detector " + id + " which emits " + emits);
            });
        }
    }

    @Test
    void everyPrimaryDetectorIsNamedByItsPatternsEntry() {
        Set<String> unnamed = new TreeSet<>();
        for (Detector<?> d : DetectorRegistry.all()) {
            boolean primary = d.emits().contains(d.id()) && catalog.contains(d.id());
            if (primary && !catalog.find(d.id()).orElseThrow().detector().equals(java.util.Optional.of(d.id()))) {
                unnamed.add(d.id() + " is the primary detector of " + d.id());
            }
            if (d.emits().size() == 1) {
                String only = d.emits().iterator().next();
                if (catalog.find(only).map(e -> e.detector().isEmpty()).orElse(false)) {
                    unnamed.add(only + " is detected only by " + d.id() + " but names no detector");
                }
            }
        }
        assertTrue(unnamed.isEmpty(), "catalog entries should name their detectors: " + unnamed);
    }

    @Test
    void everyRelatedIdExistsAndIdsAreTheKebabCaseOfNames() {
        for (PatternEntry e : catalog.all()) {
            assertEquals(CatalogValidation.idOf(e.name()), e.id());
            assertTrue(e.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), e.id());
            for (String r : e.related()) assertTrue(catalog.contains(r), e.id() + " relates to missing " + r);
        }
    }

    @Test
    void everyEntryHasCommandsForTheDebuggersAndEveryFieldFilled() {
        for (PatternEntry e : catalog.all()) {
            assertTrue(!e.aliases().isEmpty(), e.id() + " aliases");
            assertTrue(!e.commandsFor("gdb").isEmpty(), e.id() + " gdb commands");
            assertTrue(!e.commandsFor("cdb").isEmpty(), e.id() + " cdb commands");
            assertTrue(!e.commandsFor("pdb").isEmpty(), e.id() + " pdb commands");
            assertTrue(!e.related().isEmpty(), e.id() + " related");
        }
    }
}
