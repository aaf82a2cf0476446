package dev.ddx.backend.gdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.model.CounterSeries;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gdb attached to live scenario programs, with and without observing them first. */
class GdbAttachLiveTest {

    @BeforeAll
    static void toolchain() {
        NativeScenarios.assumeToolchain();
    }

    private static Snapshot attach(NativeScenarios.LiveProcess p, Duration observe) {
        try (DebuggerBackend b = GdbBackend.open(new TargetSpec.Pid(p.pid(), observe), BackendContext.headless())) {
            return b.snapshot();
        }
    }

    private static CounterSeries series(Snapshot s, String name) {
        return s.counters().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void attachingLeavesTheProcessRunning() {
        try (NativeScenarios.LiveProcess p = NativeScenarios.start("wait_chain").settle(Duration.ofMillis(500))) {
            Snapshot s = attach(p, Duration.ZERO);
            assertEquals(TargetProcess.Capture.ATTACH, s.process().capture());
            assertEquals(TargetProcess.ProcessState.RUNNING, s.process().state());
            assertEquals(p.pid(), s.process().pid().orElseThrow());
            assertTrue(s.process().executable().endsWith("wait_chain"));
            assertEquals(5, s.threads().size());
            assertEquals(1, s.locks().size());
            p.settle(Duration.ofMillis(300));
            assertTrue(p.isAlive(), "the process must keep running after ddx detached");
            assertEquals("S", stateOf(p.pid()).substring(0, 1), "detached, not stopped");
        }
    }

    @Test
    void observingASpinnerShowsOneThreadBurningCpu() {
        try (NativeScenarios.LiveProcess p = NativeScenarios.start("spinner").settle(Duration.ofMillis(300))) {
            Snapshot s = attach(p, Duration.ofSeconds(2));
            List<CounterSeries> cpu = s.counters().stream().filter(c -> c.name().equals("cpu"))
                    .sorted(Comparator.comparingDouble(c -> c.first() - c.last())).toList();
            assertEquals(6, cpu.size(), cpu.toString());
            double hottest = cpu.get(0).last() - cpu.get(0).first();
            double next = cpu.get(1).last() - cpu.get(1).first();
            assertTrue(hottest >= 100 && hottest > 5 * Math.max(next, 10), "hottest " + hottest + " ms, next " + next);
            TargetThread spinning = s.thread(cpu.get(0).subject()).orElseThrow();
            assertTrue(spinning.frames().stream().anyMatch(f -> f.function().equals("spin")));
            assertEquals(ThreadState.RUNNING, spinning.state());
            assertTrue(spinning.cpuTime().isPresent());
            assertTrue(s.threads().stream().filter(t -> t != spinning && t.frames().stream()
                    .anyMatch(f -> f.function().equals("nap"))).allMatch(t -> t.state() == ThreadState.SLEEPING));
            assertEquals(6.0, series(s, "threads").last());
            assertTrue(p.isAlive());
        }
    }

    @Test
    void observingAnFdLeakShowsTheDescriptorsGrow() {
        try (NativeScenarios.LiveProcess p = NativeScenarios.start("fd_leak").settle(Duration.ofMillis(200))) {
            CounterSeries fds = series(attach(p, Duration.ofSeconds(2)), "fds");
            assertTrue(fds.last() - fds.first() >= 30, fds.toString());
        }
    }

    @Test
    void observingAMemoryLeakShowsResidentMemoryGrow() {
        try (NativeScenarios.LiveProcess p = NativeScenarios.start("mem_leak").settle(Duration.ofMillis(200))) {
            CounterSeries rss = series(attach(p, Duration.ofSeconds(2)), "rss");
            assertTrue(rss.last() - rss.first() >= 2 << 20, rss.toString());
            assertEquals("bytes", rss.unit());
        }
    }

    private static String stateOf(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2);
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
