package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CounterDetectorsTest {

    @Test
    void aSpinningThreadAmongSleepersIsSpikingButNotAHangNorALivelock() {
        Snapshot s = Scenarios.spinningAmongSleepers();
        List<Finding> f = new SpikingThreadDetector().detect(s);
        assertEquals(1, f.size());
        assertTrue(f.get(0).title().startsWith("Spiking thread: thread 2 uses 85% of one CPU in crunch"), f.get(0).title());
        List<String> p = SnapshotFixture.patterns(s);
        assertFalse(p.contains("hang") || p.contains("livelock") || p.contains("deadlock"), p.toString());
    }

    @Test
    void withOneSampleTheBusiestThreadIsSpikingWithLowConfidence() {
        Snapshot s = SnapshotFixture.of().state(TargetProcess.ProcessState.RUNNING)
                .thread("1", ThreadState.SLEEPING, "clock_nanosleep", "main@x.c:3")
                .thread("2", ThreadState.RUNNING, "spin@x.c:9")
                .cpuTime("1", Duration.ofMillis(20)).cpuTime("2", Duration.ofSeconds(12)).build();
        List<Finding> f = new SpikingThreadDetector().detect(s);
        assertEquals(1, f.size());
        assertEquals(0.5, f.get(0).confidence());
    }

    @Test
    void threadsRetryingTrylockAndYieldWhileBurningCpuAreALivelock() {
        Snapshot s = Scenarios.livelock();
        List<Finding> f = new LivelockDetector().detect(s);
        assertEquals(1, f.size());
        assertTrue(f.get(0).title().contains("threads 2, 3"), f.get(0).title());
        assertFalse(SnapshotFixture.patterns(s).contains("deadlock"));
    }

    @Test
    void sleepersThatUseNoCpuAreNotALivelock() {
        Snapshot s = SnapshotFixture.of().state(TargetProcess.ProcessState.RUNNING)
                .thread("1", ThreadState.SLEEPING, "clock_nanosleep", "usleep", "a@x.c:3")
                .thread("2", ThreadState.SLEEPING, "clock_nanosleep", "usleep", "b@x.c:9")
                .series("cpu", "1", "ms", 500, 1, 1, 1, 1).series("cpu", "2", "ms", 500, 1, 1, 1, 1).build();
        assertTrue(new LivelockDetector().detect(s).isEmpty());
    }

    @Test
    void steadyRssAndFdGrowthAreLeaksButAFlatThreadCountIsNot() {
        Snapshot s = Scenarios.leaks();
        List<Finding> mem = new MemoryLeakDetector().detect(s);
        assertEquals(1, mem.size());
        assertTrue(mem.get(0).title().contains("resident memory grows"), mem.get(0).title());
        List<Finding> fds = new HandleLeakDetector().detect(s);
        assertEquals(1, fds.size());
        assertEquals(1, fds.get(0).evidence().size());
        assertTrue(fds.get(0).evidence().get(0).fact().startsWith("open file descriptors grew from 4 to 44"));
    }

    @Test
    void aNoisySeriesIsNotALeak() {
        Snapshot s = SnapshotFixture.of().state(TargetProcess.ProcessState.RUNNING)
                .thread("1", ThreadState.RUNNING, "f@x.c:1")
                .series("rss", "process", "bytes", 500, 8e6, 6e6, 9e6, 7e6, 8.5e6).build();
        assertTrue(new MemoryLeakDetector().detect(s).isEmpty());
    }
}
