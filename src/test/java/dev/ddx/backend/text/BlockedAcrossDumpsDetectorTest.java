package dev.ddx.backend.text;

import dev.ddx.model.Snapshot;
import dev.ddx.pattern.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockedAcrossDumpsDetectorTest {

    @Test
    void threadsBlockedInEveryDumpAreReportedWithTheLockAndItsOwner() {
        Snapshot s = Fixtures.snapshot(Fixtures.ownLines("jstack-jdk17-1.txt"), Fixtures.ownLines("jstack-jdk17-2.txt"),
                Fixtures.ownLines("jstack-jdk17-3.txt"));
        List<Finding> found = new BlockedAcrossDumpsDetector().detect(s);
        assertEquals(4, found.size(), found.toString()); // monitor-a/b and juc-a/b
        Finding a = found.stream().filter(f -> f.title().contains("\"monitor-a\"")).findFirst().orElseThrow();
        assertEquals("blocked-thread", a.patternId());
        assertTrue(a.evidence().stream().anyMatch(e -> e.fact().contains("held by thread") && e.fact().contains("monitor-b")),
                a.evidence().toString());
    }

    @Test
    void oneDumpIsNotEnough() {
        Snapshot s = Fixtures.snapshot(Fixtures.ownLines("jstack-jdk17-1.txt"));
        assertTrue(new BlockedAcrossDumpsDetector().detect(s).isEmpty());
    }
}
