package dev.ddx.transcript;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NormalizerTest {
    private final Normalizer n = Normalizer.standard(Path.of("/work/checkout"), Path.of("/home/ana"));

    private String rule(String name, String text) {
        return n.rule(name).apply(text);
    }

    @Test
    void projectAndHomeDirectoriesBecomePlaceholders() {
        assertEquals("<project>/transcripts/x.c", rule("project-dir", "/work/checkout/transcripts/x.c"));
        assertEquals("~/.local/state", rule("home-dir", "/home/ana/.local/state"));
    }

    @Test
    void temporaryPathsKeepOnlyTheirFileName() {
        assertEquals("program <tmp>/deadlock under gdb", rule("temp-path", "program /tmp/ddx-live-81723/deadlock under gdb"));
        assertEquals("<tmp>/core.1", rule("temp-path", "/var/tmp/a/b/core.1"));
        assertEquals("<tmp>/x", n.normalize("/work/checkout/target/junit123/x"));
    }

    @Test
    void timestampsAndClockTimesBecomeTime() {
        assertEquals("at <time> and <time>", rule("timestamp", "at 2026-11-21T05:43:30.123Z and 2026-11-21 05:43"));
        assertEquals("[<time>] ERROR", rule("clock-time", "[05:43:30.123] ERROR"));
    }

    @Test
    void longAddressesBecomeAddrButSmallFaultAddressesStay() {
        assertEquals("mutex <addr> held", rule("address", "mutex 0x55555555a040 held"));
        assertEquals("fault address 0x0, 0x18", rule("address", "fault address 0x0, 0x18"));
    }

    @Test
    void pidsLwpsAndThreadIdsBecomePlaceholders() {
        assertEquals("Thread <addr> (LWP <lwp>)", n.normalize("Thread 0x7ffff7d8a640 (LWP 81723)"));
        assertEquals("pid <pid>, process <pid>", rule("pid", "pid 4242, process 4242"));
        assertEquals("[Inferior 1 (process <pid>) killed]", rule("pid", "[Inferior 1 (process 4242) killed]"));
        assertEquals("/proc/<pid>/task", rule("proc-path", "/proc/4242/task"));
        assertEquals("core.<pid>", rule("core-file", "core.4242"));
        assertEquals("tid=<tid> nid=<tid>", rule("thread-ident", "tid=0x00007f3a1c0b1000 nid=0x2f03"));
        assertEquals("Thread <id> (most recent call first)", rule("long-id", "Thread 140245230216000 (most recent call first)"));
    }

    @Test
    void durationsAndPercentagesBecomePlaceholders() {
        assertEquals("took <duration>, <duration>, <duration>", rule("duration", "took 12 ms, 1.5s, 3 seconds"));
        assertEquals("thread 2 used <pct> of a CPU", rule("percentage", "thread 2 used 98.7% of a CPU"));
    }

    @Test
    void nativeThreadIdsNamedAsLwpsBecomePlaceholdersWhereverTheyAppear() {
        Normalizer s = n.withSessionIds(java.util.List.of("thread 1021 \"MainThread\" (LWP 1021)", "thread 1044 (LWP 1044)"));
        assertEquals("thread <lwp> \"MainThread\" (LWP <lwp>) waits for thread <lwp>; line 10210 stays",
                s.normalize("thread 1021 \"MainThread\" (LWP 1021) waits for thread 1044; line 10210 stays"));
        assertEquals("session-lwp", s.rules().get(0).name());
    }

    @Test
    void thingsThatMatterAreLeftAlone() {
        String kept = "thread 2 frame 1 in worker at deadlock.c:27, SIGSEGV, signal 11, crash-signature main!worker";
        assertEquals(kept, n.normalize(kept));
    }
}
