package dev.ddx.pattern;

import dev.ddx.model.LineRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingTest {

    @Test
    void aFindingWithoutEvidenceCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new Finding("deadlock", "Deadlock", 1.0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Finding("deadlock", "Deadlock", 1.0, null));
    }

    @Test
    void aPatternIdMustBeKebabCase() {
        Evidence e = Evidence.of("thread 2 waits for mutex A", "gdb: bt");
        assertThrows(IllegalArgumentException.class, () -> new Finding("Deadlock", "x", 1.0, List.of(e)));
        assertThrows(IllegalArgumentException.class, () -> new Finding("wait_chain", "x", 1.0, List.of(e)));
        assertEquals("wait-chain", new Finding("wait-chain", "x", 0.5, List.of(e)).patternId());
    }

    @Test
    void confidenceStaysWithinZeroAndOne() {
        Evidence e = Evidence.of("fact", "gdb");
        assertThrows(IllegalArgumentException.class, () -> new Finding("crash", "x", 1.5, List.of(e)));
        assertThrows(IllegalArgumentException.class, () -> new Finding("crash", "x", Double.NaN, List.of(e)));
    }

    @Test
    void evidenceSaysWhereItCameFrom() {
        assertEquals("gdb: thread apply all bt, thread 3 frame 1",
                Evidence.onFrame("holds mutex", "gdb: thread apply all bt", "3", 1).where());
        assertEquals("log, app.log:120-131",
                Evidence.atLines("NullPointerException", "log", new LineRange("app.log", 120, 131)).where());
        assertThrows(IllegalArgumentException.class, () -> Evidence.of("  ", "gdb"));
    }

    @Test
    void findingsKeepTheirEvidenceImmutable() {
        Finding f = new Finding("crash", "SIGSEGV", 1.0, new java.util.ArrayList<>(List.of(Evidence.of("SIGSEGV", "gdb"))));
        assertThrows(UnsupportedOperationException.class, () -> f.evidence().add(Evidence.of("x", "y")));
        assertTrue(f.evidence().size() == 1);
    }
}
