package dev.ddx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ddx summarize} on real cores of the crashing native scenarios (compiled with gcc, crashed
 * under gdb, cored by gdb): the patterns found and not found, the culprit frame, the signature.
 */
class SummarizeCrashScenariosLiveTest {

    @BeforeAll
    static void toolchain() {
        NativeScenarios.assumeToolchain();
    }

    private static Summaries.Result core(String name, String... args) {
        Path core = NativeScenarios.core(name, args);
        return Summaries.json("--core", core.toString(), "--exe", NativeScenarios.binary(name).toString());
    }

    private static void assertNone(List<String> found, String... absent) {
        for (String a : absent) assertFalse(found.contains(a), a + " must not be found: " + found);
    }

    private static JsonNode culpritFrame(Summaries.Result r) {
        return r.json().get("culprit").get("frame");
    }

    @Test
    void aNullDereferenceNamesTheNullLinkAndTheCulpritLine() {
        Summaries.Result r = core("null_deref");
        List<String> p = r.patterns();
        assertEquals("crash", p.get(0), p.toString());
        assertTrue(p.containsAll(List.of("origin-module", "exception-module", "stack-trace-collection")), p.toString());
        assertNone(p, "hang", "deadlock", "software-exception", "stack-overflow", "heap-corruption");
        JsonNode crash = r.json().get("crash");
        assertEquals("SIGSEGV", crash.get("signal").asText());
        assertEquals("read_sample", crash.get("frame").get("function").asText());
        assertEquals("read_sample", culpritFrame(r).get("function").asText());
        assertEquals(13, culpritFrame(r).get("line").asInt());
        String bad = r.json().get("culprit").get("badPointer").asText();
        assertTrue(bad.startsWith("**a.b2->data is NULL"), bad);
        assertEquals("crash/SIGSEGV/null_deref!read_sample", r.json().get("signature").asText());
        assertTrue(r.out().contains("\"command\" : \"print *"), r.out());
    }

    @Test
    void aNullPassedIntoLibcFaultsInLibcAndOriginatesInTheProgram() {
        Summaries.Result r = core("null_libc");
        List<String> p = r.patterns();
        assertTrue(p.containsAll(List.of("crash", "exception-module", "origin-module")), p.toString());
        assertNone(p, "hang", "software-exception", "stack-overflow");
        JsonNode f = r.json().get("findings");
        String modules = f.toString();
        assertTrue(modules.contains("Exception module: libc.so.6"), modules);
        assertEquals("name_width", culpritFrame(r).get("function").asText());
        assertEquals("crash/SIGSEGV/null_libc!name_width", r.json().get("signature").asText());
    }

    @Test
    void aFailedAssertIsASoftwareExceptionInTheAssertingFunction() {
        Summaries.Result r = core("assert_fail");
        List<String> p = r.patterns();
        assertTrue(p.containsAll(List.of("software-exception", "crash", "origin-module")), p.toString());
        assertNone(p, "heap-corruption", "hang", "stack-overflow");
        String title = r.json().get("findings").get(0).get("title").asText();
        assertTrue(title.startsWith("Software exception: assertion '"), title);
        assertTrue(r.json().get("signature").asText().startsWith("software-exception/SIGABRT/assert_fail!"), r.out());
    }

    @Test
    void aDoubleFreeIsHeapCorruption() {
        Summaries.Result r = core("double_free");
        List<String> p = r.patterns();
        assertEquals("heap-corruption", p.get(0), p.toString());
        assertTrue(p.containsAll(List.of("software-exception", "crash")), p.toString());
        assertNone(p, "hang", "stack-overflow", "deadlock");
        assertTrue(r.json().get("findings").get(0).get("title").asText().contains("double free"), r.out());
        assertTrue(r.json().get("signature").asText().startsWith("heap-corruption/SIGABRT/double_free!"), r.out());
    }

    @Test
    void unboundedRecursionIsAStackOverflowNamingTheFunction() {
        Summaries.Result r = core("stack_overflow");
        List<String> p = r.patterns();
        assertEquals("stack-overflow", p.get(0), p.toString());
        assertNone(p, "hang", "heap-corruption", "software-exception");
        String title = r.json().get("findings").get(0).get("title").asText();
        assertTrue(title.startsWith("Stack overflow: walk() calls itself"), title);
        assertEquals("stack-overflow/SIGSEGV/stack_overflow!walk", r.json().get("signature").asText());
    }

    @Test
    void aDivisionByZeroIsASigfpeCrashInTheDividingFunction() {
        Summaries.Result r = core("sigfpe");
        List<String> p = r.patterns();
        assertEquals("crash", p.get(0), p.toString());
        assertNone(p, "hang", "stack-overflow", "software-exception", "heap-corruption");
        assertEquals("SIGFPE", r.json().get("crash").get("signal").asText());
        assertEquals("average", culpritFrame(r).get("function").asText());
        assertEquals("crash/SIGFPE/sigfpe!average", r.json().get("signature").asText());
    }

    @Test
    void theSameBugRunUnderGdbGivesTheSameSignatureAsItsCore() {
        String fromCore = core("null_deref").json().get("signature").asText();
        Summaries.Result run = Summaries.json("--run", "--hang-after", "20", "--", NativeScenarios.binary("null_deref").toString());
        assertEquals(fromCore, run.json().get("signature").asText());
        assertEquals("launch", run.json().get("target").get("capture").asText());
    }

    @Test
    void aProgramThatExitsNormallyGetsOneClearLine() {
        Summaries.Result r = Summaries.ddx("summarize", "--no-transcript", "--run", "--hang-after", "20", "--",
                NativeScenarios.binary("sigfpe").toString(), "5");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("sigfpe exited normally with status 0"), r.out());
    }

    @Test
    void theMarkdownSummaryShowsTheCulpritSourceAndNextCommands() {
        Path core = NativeScenarios.core("null_deref");
        Summaries.Result r = Summaries.ddx("summarize", "--no-transcript", "--core", core.toString(), "--exe",
                NativeScenarios.binary("null_deref").toString());
        assertEquals(0, r.code(), r.err());
        String md = r.out();
        assertTrue(md.startsWith("# ddx summary: null_deref\n\nCrash: SIGSEGV"), md);
        assertTrue(md.contains("(****a.b2->data).value"), md);
        assertTrue(md.contains("## Next commands") && md.contains("`frame 0` (gdb)"), md);
        assertTrue(md.contains("## Threads (3, grouped by identical stack)") || md.contains("## Threads ("), md);
    }
}
