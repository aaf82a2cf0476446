package dev.ddx.pattern;

import dev.ddx.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotDetectorsTest {

    @Test
    void everyPatternTheSnapshotDetectorsEmitIsInTheCatalogAndNamesTheDetector() {
        Catalog c = Catalog.load();
        for (SnapshotDetector d : SnapshotDetectors.all()) {
            for (String id : d.emits()) {
                assertTrue(c.contains(id), id + " is missing from the catalog");
                assertEquals(d.id(), c.find(id).orElseThrow().detector().orElse(""), "catalog detector field of " + id);
            }
        }
    }

    @Test
    void everyFindingOfTheScenariosUsesAnIdItsDetectorDeclares() {
        Set<String> declared = new HashSet<>();
        SnapshotDetectors.all().forEach(d -> declared.addAll(d.emits()));
        for (var s : List.of(Scenarios.deadlock(), Scenarios.waitChain(), Scenarios.nullDeref("/x", 1, 1), Scenarios.failedAssert(),
                Scenarios.doubleFree(), Scenarios.stackOverflow(), Scenarios.spinningAmongSleepers(), Scenarios.livelock(),
                Scenarios.leaks())) {
            for (String id : SnapshotFixture.patterns(s)) assertTrue(declared.contains(id), id);
        }
    }
}
