package dev.ddx.backend.pdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddx.cli.Ddx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ddx summarize --python} on the Python scenario scripts, end to end through the CLI: the
 * patterns each one must show, and the ones it must not.
 */
class PythonSummarizeLiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String previousStdio;

    @BeforeAll
    static void python() {
        PythonScenarios.assumePython();
        previousStdio = System.getProperty("ddx.pdb.stdio");
        System.setProperty("ddx.pdb.stdio", "discard"); // the programs must not touch the test runner's streams
    }

    @AfterAll
    static void restore() {
        if (previousStdio == null) System.clearProperty("ddx.pdb.stdio");
        else System.setProperty("ddx.pdb.stdio", previousStdio);
    }

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }

        Set<String> patterns() {
            Set<String> ids = new TreeSet<>();
            json().path("findings").forEach(f -> ids.add(f.path("pattern").asText()));
            return ids;
        }

        String evidence(String pattern) {
            StringBuilder b = new StringBuilder();
            json().path("findings").forEach(f -> {
                if (f.path("pattern").asText().equals(pattern)) {
                    b.append(f.path("title").asText()).append('\n');
                    f.path("evidence").forEach(e -> b.append(e.path("fact").asText()).append('\n'));
                }
            });
            return b.toString();
        }
    }

    static Run summarize(String script, String... more) {
        List<String> args = new ArrayList<>(List.of("summarize", "--format", "json", "--python",
                PythonScenarios.script(script).toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ddx.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static void assertPatterns(Run r, Set<String> found, Set<String> absent) {
        Set<String> got = r.patterns();
        assertTrue(got.containsAll(found), "expected " + found + " in " + got + "\n" + r.out);
        for (String a : absent) assertFalse(got.contains(a), a + " must not be found: " + got + "\n" + r.out);
    }

    @Test
    void anUncaughtExceptionDeepInACallChain() {
        Run r = summarize("deep_exception.py", "--", "--orders", "4");
        assertEquals(0, r.exit, r.err);
        assertPatterns(r, Set.of("crash", "managed-code-exception", "exception-stack-trace", "origin-module"),
                Set.of("nested-exception", "deadlock", "hang", "wait-chain", "not-my-version"));
        JsonNode culprit = r.json().path("culprit");
        assertEquals("lookup", culprit.path("frame").path("function").asText());
        assertTrue(culprit.path("locals").toString().contains("'kiwi'"), culprit.toString());
        assertEquals("python", r.json().path("target").path("runtime").asText());
        assertEquals("[\"--orders\",\"4\"]", r.json().path("target").path("arguments").toString());
    }

    @Test
    void explicitAndImplicitExceptionChains() {
        Run r = summarize("chained_exceptions.py");
        assertPatterns(r, Set.of("managed-code-exception", "nested-exception"), Set.of("deadlock", "hang"));
        String chain = r.evidence("nested-exception");
        assertTrue(chain.contains("raised while handling: ConfigError"), chain);
        assertTrue(chain.contains("explicit cause (raise … from): ValueError"), chain);
    }

    @Test
    void aTwoRLockDeadlock() {
        Run r = summarize("rlock_deadlock.py", "--hang-after", "2");
        assertPatterns(r, Set.of("deadlock", "hang", "blocked-thread"),
                Set.of("wait-chain", "managed-code-exception", "crash"));
        String ev = r.evidence("deadlock");
        assertTrue(ev.contains("(accounts_lock)") && ev.contains("(audit_lock)"), ev);
        assertTrue(ev.contains("rlock_deadlock.py:10") && ev.contains("rlock_deadlock.py:17"), "where each was taken: " + ev);
    }

    @Test
    void aDeadlockAfterAnExceptionSkippedARelease() {
        Run r = summarize("skipped_release.py", "--hang-after", "2");
        assertPatterns(r, Set.of("deadlock", "hang"), Set.of("managed-code-exception", "crash"));
        String ev = r.evidence("deadlock");
        assertTrue(ev.contains("(cache_lock)") && ev.contains("skipped_release.py:9"), ev);
    }

    @Test
    void aQueueGetWithNoProducerIsAWaitChainNotADeadlock() {
        Run r = summarize("queue_no_producer.py", "--hang-after", "2");
        assertPatterns(r, Set.of("wait-chain", "hang"), Set.of("deadlock", "crash"));
        String ev = r.evidence("wait-chain");
        assertTrue(ev.contains("consumer") && ev.contains("get"), ev);
    }

    @Test
    void aRecursionError() {
        Run r = summarize("recursion.py");
        assertPatterns(r, Set.of("stack-overflow", "managed-code-exception"), Set.of("deadlock", "nested-exception"));
        assertTrue(r.evidence("stack-overflow").contains("depth"), r.evidence("stack-overflow"));
    }

    @Test
    void aSpinningThreadAmongSleepers() {
        Run r = summarize("spinning_thread.py", "--observe", "3");
        assertPatterns(r, Set.of(), Set.of("deadlock", "memory-leak", "handle-leak", "crash"));
        JsonNode threads = r.json().path("threads");
        Assumptions.assumeTrue(r.patterns().contains("spiking-thread"),
                "the machine is so loaded that the spinning thread got under a quarter of a CPU: " + r.out);
        String ev = r.evidence("spiking-thread");
        assertTrue(ev.contains("hot-loop") && ev.contains("spinner"), ev);
        assertFalse(ev.contains("sleeper"), ev);
        assertTrue(threads.size() >= 5, threads.toString());
    }

    @Test
    void aThreadStartedEverySoFarThatNeverEnds() {
        Run r = summarize("thread_leak.py", "--observe", "4", "--", "0.2");
        assertPatterns(r, Set.of("handle-leak"), Set.of("deadlock", "memory-leak", "crash"));
        assertTrue(r.evidence("handle-leak").contains("thread_leak.py:14"), r.evidence("handle-leak"));
    }

    @Test
    void filesOpenedAndNeverClosedNameTheLineThatOpensThem() {
        Run r = summarize("file_leak.py", "--observe", "3");
        assertPatterns(r, Set.of("handle-leak"), Set.of("deadlock", "crash"));
        assertTrue(r.evidence("handle-leak").contains("opened at ") && r.evidence("handle-leak").contains("file_leak.py:5"),
                r.evidence("handle-leak"));
    }

    @Test
    void aDictCacheThatGrowsForever() {
        Run r = summarize("growing_cache.py", "--observe", "3");
        assertPatterns(r, Set.of("memory-leak"), Set.of("deadlock", "handle-leak", "crash"));
        assertTrue(r.evidence("memory-leak").contains("growing_cache.py:8"), r.evidence("memory-leak"));
    }
}
