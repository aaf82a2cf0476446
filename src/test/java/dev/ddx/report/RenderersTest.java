package dev.ddx.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddx.analysis.Analyzer;
import dev.ddx.model.Snapshot;
import dev.ddx.pattern.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderersTest {

    private static IncidentReport report(Snapshot s) {
        return IncidentReport.of(Analyzer.standard().analyze(s));
    }

    @Test
    void markdownShowsHeadlinePatternsCulpritSourceThreadsCommandsAndInput(@TempDir Path dir) throws Exception {
        StringBuilder src = new StringBuilder();
        for (int i = 1; i <= 30; i++) src.append(i == 14 ? "    return ****a.b2->data;" : "// line " + i).append('\n');
        Files.writeString(dir.resolve("null_deref.c"), src);
        String md = new MarkdownRenderer().render(report(Scenarios.nullDeref(dir.toString(), 10, 0x1000)));
        assertTrue(md.startsWith("# ddx summary: null_deref\n\nCrash: SIGSEGV (SEGV_MAPERR) at address 0x0 on thread 1"), md);
        assertTrue(md.contains("Signature: `crash/SIGSEGV/null_deref!deref_chain`"), md);
        assertTrue(md.contains("1. **crash** — "), md);
        assertTrue(md.contains("_[gdb run: stop signal, thread 1]_"), md);
        assertTrue(md.contains(">    14 |     return ****a.b2->data;"), md);
        assertTrue(md.contains("Bad pointer: a.b2->data is NULL, so ****a.b2->data dereferences address 0."), md);
        assertTrue(md.contains("## Threads (1, grouped by identical stack)"), md);
        assertTrue(md.contains("- `print *a.b2` (gdb)"), md);
        assertTrue(md.contains("- read: gdb run — "), md);
    }

    @Test
    void markdownGroupsThreadsWithIdenticalStacks() {
        String md = new MarkdownRenderer().render(report(Scenarios.spinningAmongSleepers()));
        assertTrue(md.contains("- threads 3, 4 — sleeping"), md);
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        String json = new JsonRenderer().render(report(Scenarios.nullDeref("/nowhere", 10, 0x1000)));
        JsonNode n = new ObjectMapper().readTree(json);
        assertEquals(1, n.get("schema").asInt());
        assertEquals("crash", n.get("findings").get(0).get("pattern").asText());
        assertTrue(n.get("findings").get(0).get("evidence").get(0).has("source"));
        assertEquals("SIGSEGV", n.get("crash").get("signal").asText());
        assertEquals("0x0", n.get("crash").get("faultAddress").asText());
        assertEquals("1", n.get("crash").get("thread").asText());
        JsonNode frame = n.get("crash").get("frame");
        assertEquals("deref_chain", frame.get("function").asText());
        assertEquals(14, frame.get("line").asInt());
        assertEquals("/nowhere/null_deref.c", frame.get("file").asText());
        assertEquals("/nowhere/null_deref", frame.get("module").asText());
        assertEquals("crash/SIGSEGV/null_deref!deref_chain", n.get("signature").asText());
        assertTrue(n.get("threads").isArray() && n.get("threads").size() == 1);
        JsonNode cmd = n.get("nextCommands").get(0);
        assertTrue(cmd.has("debugger") && cmd.has("command") && cmd.has("why"));
        assertEquals("crashed", n.get("target").get("state").asText());
        assertEquals("gdb run", n.get("input").get("kind").asText());
    }

    @Test
    void jsonOfAHangHasNoCrash() throws Exception {
        JsonNode n = new ObjectMapper().readTree(new JsonRenderer().render(report(Scenarios.deadlock())));
        assertTrue(n.get("crash").isNull());
        assertEquals("deadlock", n.get("findings").get(0).get("pattern").asText());
    }
}
