package dev.ddx.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeScenariosLiveTest {

    @Test
    void everyScenarioCompiles() {
        for (String name : new String[]{"null_deref", "null_libc", "assert_fail", "double_free", "stack_overflow",
                "sigfpe", "deadlock", "wait_chain", "spinner", "fd_leak", "mem_leak", "livelock", "threads64"}) {
            assertTrue(Files.isExecutable(NativeScenarios.binary(name)), name);
        }
    }

    @Test
    void aCrashingScenarioLeavesACore() throws Exception {
        Path core = NativeScenarios.core("sigfpe");
        assertTrue(Files.size(core) > 0);
        assertTrue(NativeScenarios.core("sigfpe").equals(core), "cores are shared within a JVM");
    }

    @Test
    void aLiveScenarioRunsUntilClosed() {
        NativeScenarios.LiveProcess p = NativeScenarios.start("spinner").settle(Duration.ofMillis(200));
        try (p) {
            assertTrue(p.isAlive());
        }
        assertFalse(p.isAlive());
    }
}
