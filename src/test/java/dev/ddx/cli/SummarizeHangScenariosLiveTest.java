package dev.ddx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ddx summarize --run --hang-after} on the hanging native scenarios, launched under the real
 * gdb: a two-lock deadlock and a wait chain behind a holder blocked in read().
 */
class SummarizeHangScenariosLiveTest {

    @BeforeAll
    static void toolchain() {
        NativeScenarios.assumeToolchain();
    }

    private static Summaries.Result run(String name) {
        return Summaries.json("--run", "--hang-after", "2", "--", NativeScenarios.binary(name).toString());
    }

    @Test
    void aTwoLockDeadlockNamesBothThreadsAndLocksAndIsNotAWaitChain() {
        Summaries.Result r = run("deadlock");
        List<String> p = r.patterns();
        assertEquals("deadlock", p.get(0), p.toString());
        assertTrue(p.containsAll(List.of("hang", "blocked-thread", "stack-trace-collection")), p.toString());
        for (String absent : List.of("wait-chain", "crash", "livelock", "spiking-thread")) {
            assertFalse(p.contains(absent), absent + " in " + p);
        }
        JsonNode deadlock = r.json().get("findings").get(0);
        String facts = deadlock.get("evidence").toString();
        assertTrue(facts.contains("accounts_lock") && facts.contains("journal_lock"), facts);
        assertTrue(facts.contains("in transfer at") && facts.contains("in audit at"), facts);
        assertTrue(r.json().get("crash").isNull());
        assertEquals("deadlock/-/deadlock!audit+deadlock!transfer", r.json().get("signature").asText());
        assertEquals("hung", r.json().get("target").get("state").asText());
        assertTrue(r.out().contains("\"command\" : \"bt full\""), r.out());
    }

    @Test
    void aWaitChainBehindAReadIsNotADeadlock() {
        Summaries.Result r = run("wait_chain");
        List<String> p = r.patterns();
        assertEquals("wait-chain", p.get(0), p.toString());
        assertTrue(p.containsAll(List.of("hang", "blocked-thread")), p.toString());
        assertFalse(p.contains("deadlock"), p.toString());
        assertFalse(p.contains("crash"), p.toString());
        String title = r.json().get("findings").get(0).get("title").asText();
        assertTrue(title.startsWith("Wait chain: 3 threads wait behind thread ") && title.contains("blocked on I/O"), title);
        assertEquals("refresher", r.json().get("culprit").get("frame").get("function").asText());
        assertEquals("wait-chain/-/wait_chain!refresher", r.json().get("signature").asText());
    }
}
