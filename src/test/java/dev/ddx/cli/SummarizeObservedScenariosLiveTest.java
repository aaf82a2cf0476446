package dev.ddx.cli;

import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ddx summarize --pid N --observe S} on live native scenarios: the process is attached,
 * observed through /proc, and left running. A spinning thread among sleepers, an fd leak, a
 * memory leak, and a livelock.
 */
class SummarizeObservedScenariosLiveTest {

    @BeforeAll
    static void toolchain() {
        NativeScenarios.assumeToolchain();
    }

    private static Summaries.Result observe(String name) {
        try (NativeScenarios.LiveProcess p = NativeScenarios.start(name).settle(Duration.ofMillis(500))) {
            Summaries.Result r = Summaries.json("--pid", Long.toString(p.pid()), "--observe", "2");
            assertTrue(p.isAlive(), name + " must keep running after ddx detached");
            return r;
        }
    }

    @Test
    void aSpinningThreadAmongSleepersIsSpikingButTheProcessIsNotHung() {
        Summaries.Result r = observe("spinner");
        List<String> p = r.patterns();
        assertTrue(p.contains("spiking-thread"), p.toString());
        for (String absent : List.of("hang", "livelock", "deadlock", "crash", "memory-leak", "handle-leak")) {
            assertFalse(p.contains(absent), absent + " in " + p);
        }
        assertEquals("spin", r.json().get("culprit").get("frame").get("function").asText());
        assertEquals("spiking-thread/-/spinner!spin", r.json().get("signature").asText());
        assertEquals("running", r.json().get("target").get("state").asText());
    }

    @Test
    void descriptorsOpenedAndNeverClosedAreAHandleLeak() {
        List<String> p = observe("fd_leak").patterns();
        assertTrue(p.contains("handle-leak"), p.toString());
        assertFalse(p.contains("memory-leak") || p.contains("hang") || p.contains("crash"), p.toString());
    }

    @Test
    void memoryAllocatedAndNeverFreedIsAMemoryLeak() {
        Summaries.Result r = observe("mem_leak");
        List<String> p = r.patterns();
        assertTrue(p.contains("memory-leak"), p.toString());
        assertFalse(p.contains("handle-leak") || p.contains("hang") || p.contains("crash"), p.toString());
        assertTrue(r.json().get("findings").toString().contains("resident memory grows"), r.out());
    }

    @Test
    void twoThreadsRetryingInStepAreALivelockNotADeadlock() {
        List<String> p = observe("livelock").patterns();
        assertTrue(p.contains("livelock"), p.toString());
        assertFalse(p.contains("deadlock") || p.contains("crash") || p.contains("hang"), p.toString());
    }
}
