package dev.ddx.transcript;

import dev.ddx.event.SessionEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscriptComparatorTest {
    private final TranscriptComparator c = new TranscriptComparator(Normalizer.standard(Path.of("/p"), null), s -> s);

    @Test
    void aRunThatDiffersOnlyInVolatileValuesIsEquivalent() {
        List<SessionEvent> again = new ArrayList<>();
        for (SessionEvent e : TranscriptFiles.events()) {
            if (e instanceof SessionEvent.ToolResult r) {
                again.add(new SessionEvent.ToolResult(r.time().plusSeconds(60), r.id(), r.name(),
                        r.result().replace("4242", "9999"), r.error()));
            } else {
                again.add(e);
            }
        }
        assertTrue(c.compare(TranscriptFiles.events(), again).equivalent());
    }

    @Test
    void aChangedToolResultShowsAsAReadableDiffUnderItsSection() {
        List<SessionEvent> again = new ArrayList<>(TranscriptFiles.events());
        again.set(5, new SessionEvent.ToolResult(TranscriptFiles.T0, "c1", "list_threads", "1 main (LWP 4242)\n2 idler", false));
        TranscriptComparator.Comparison cmp = c.compare(TranscriptFiles.events(), again);
        assertFalse(cmp.equivalent());
        assertEquals(List.of(
                "@@ tool result 1 list_threads: @@",
                "  tool result 1 list_threads:",
                "      | 1 main (LWP <lwp>)",
                "-     | 2 worker",
                "+     | 2 idler",
                "  finding 1: deadlock — Deadlock between threads 2 and 3 (confidence 1.00)",
                "      evidence: thread 2 waits for mutex <addr> held by thread 3  [gdb: thread apply all bt, thread 2]"),
                cmp.diff());
        assertEquals(2, cmp.changedLines());
    }

    @Test
    void aMissingFindingAndAnExtraErrorAreDrift() {
        List<SessionEvent> again = new ArrayList<>(TranscriptFiles.events());
        again.remove(6);
        again.add(new SessionEvent.Error(TranscriptFiles.T0, "replay", "no recorded reply"));
        List<String> diff = c.compare(TranscriptFiles.events(), again).diff();
        assertTrue(diff.contains("- finding 1: deadlock — Deadlock between threads 2 and 3 (confidence 1.00)"), diff.toString());
        assertTrue(diff.contains("+ error (replay): no recorded reply"), diff.toString());
    }
}
