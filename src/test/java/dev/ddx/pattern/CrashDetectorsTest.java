package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrashDetectorsTest {

    private static Finding only(SnapshotDetector d, Snapshot s) {
        List<Finding> f = d.detect(s);
        assertEquals(1, f.size(), d.id() + ": " + f);
        return f.get(0);
    }

    @Test
    void aNullDereferenceIsACrashExplainedByTheFirstNullProbe() {
        Snapshot s = Scenarios.nullDeref("/tmp/a", 10, 0x5555_5555_8000L);
        Finding crash = only(new CrashDetector(), s);
        assertTrue(crash.title().startsWith("Crash: SIGSEGV (SEGV_MAPERR) at address 0x0 on thread 1 in deref_chain"), crash.title());
        assertTrue(crash.evidence().stream().anyMatch(e -> e.fact().equals(
                "a.b2->data is NULL, so ****a.b2->data dereferences address 0") && e.source().endsWith("dereference probes")));
        List<String> p = SnapshotFixture.patterns(s);
        assertFalse(p.contains("hang") || p.contains("software-exception") || p.contains("stack-overflow")
                || p.contains("heap-corruption"), p.toString());
        assertTrue(p.contains("origin-module") && p.contains("exception-module"), p.toString());
    }

    @Test
    void nullIntoLibcFaultsInLibcButOriginatesInTheProgram() {
        Snapshot s = Scenarios.nullIntoLibc();
        assertEquals("Exception module: libc.so.6 (__strlen_avx2)", only(new ExceptionModuleDetector(), s).title());
        Finding origin = only(new OriginModuleDetector(), s);
        assertTrue(origin.title().contains("greet at /tmp/run-1234/null_libc.c:9"), origin.title());
        assertEquals(1, origin.evidence().get(0).frame().getAsInt());
    }

    @Test
    void aFailedAssertIsASoftwareExceptionNamingTheCondition() {
        Snapshot s = Scenarios.failedAssert();
        Finding f = only(new SoftwareExceptionDetector(), s);
        assertEquals("Software exception: assertion 'balance >= 0' failed", f.title());
        assertTrue(f.evidence().stream().anyMatch(e -> e.fact().contains("the process sent the signal to itself")));
        List<String> p = SnapshotFixture.patterns(s);
        assertTrue(p.contains("crash"), p.toString());
        assertFalse(p.contains("heap-corruption") || p.contains("hang") || p.contains("stack-overflow"), p.toString());
    }

    @Test
    void aDoubleFreeIsHeapCorruptionAndASoftwareException() {
        Snapshot s = Scenarios.doubleFree();
        Finding h = only(new HeapCorruptionDetector(), s);
        assertEquals("Heap corruption: double free in release", h.title());
        assertTrue(h.evidence().get(0).fact().contains("free(): double free detected in tcache 2"));
        Finding sw = only(new SoftwareExceptionDetector(), s);
        assertTrue(sw.title().contains("heap check"), sw.title());
    }

    @Test
    void deepRepeatedRecursionIsAStackOverflowWithItsDepthAndFunction() {
        Finding f = only(new StackOverflowDetector(), Scenarios.stackOverflow());
        assertEquals("Stack overflow: recurse() calls itself without end (stack 174611 frames deep)", f.title());
        assertTrue(f.evidence().get(0).fact().contains("174611 frames deep (200 listed)"));
    }

    @Test
    void anOrdinaryNullDereferenceIsNotAStackOverflow() {
        assertTrue(new StackOverflowDetector().detect(Scenarios.nullDeref("/x", 1, 1)).isEmpty());
    }

    @Test
    void aHangIsNotACrash() {
        assertTrue(new CrashDetector().detect(Scenarios.deadlock()).isEmpty());
        assertTrue(new ExceptionModuleDetector().detect(Scenarios.deadlock()).isEmpty());
    }
}
