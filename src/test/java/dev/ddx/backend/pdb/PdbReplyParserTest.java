package dev.ddx.backend.pdb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddx.backend.TargetSpec;
import dev.ddx.error.DebuggerException;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver's replies, captured from real runs (captures/python/README.md), turned into the model. */
class PdbReplyParserTest {

    static List<String> capture(String name) throws IOException {
        try (InputStream in = PdbReplyParserTest.class.getResourceAsStream("/captures/python/" + name)) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    static Snapshot snapshot(String name, String script) throws IOException {
        List<String> lines = capture(name);
        JsonNode status = PdbReplyParser.result(lines.get(0));
        JsonNode result = PdbReplyParser.result(lines.get(1));
        TargetSpec.Python spec = new TargetSpec.Python(Path.of(script), List.of(), Duration.ofSeconds(2), Duration.ZERO,
                Optional.empty());
        return PdbSnapshots.of(spec, status, result, Map.of(), false);
    }

    @Test
    void aHungProgramBecomesThreadsWithStatesAndALockGraph() throws IOException {
        Snapshot s = snapshot("driver-rlock-deadlock.jsonl", "rlock_deadlock.py");
        assertEquals(TargetProcess.ProcessState.HUNG, s.process().state());
        assertEquals(TargetProcess.Runtime.PYTHON, s.process().runtime());
        assertEquals(List.of("MainThread", "transfer", "audit"), s.threads().stream().map(TargetThread::name).toList());
        TargetThread transfer = s.threads().get(1);
        assertEquals(ThreadState.BLOCKED, transfer.state());
        assertEquals(transfer.nativeId().getAsLong(), Long.parseLong(transfer.id()));
        assertEquals(CodeOwner.USER, transfer.frames().get(0).owner());
        assertEquals(CodeOwner.SYSTEM, transfer.frames().get(1).owner());
        LockInfo accounts = s.locks().stream().filter(l -> l.name().equals("accounts_lock")).findFirst().orElseThrow();
        assertEquals(transfer.id(), accounts.owner().orElseThrow());
        assertEquals("1", accounts.attributes().get("recursion"));
        assertTrue(s.input().notes().get(0).contains("neither finished nor failed"));
    }

    @Test
    void aChainFoldsIntoCausesOutermostFirst() throws IOException {
        Snapshot s = snapshot("driver-chained-exceptions.jsonl", "chained_exceptions.py");
        assertEquals(TargetProcess.ProcessState.CRASHED, s.process().state());
        ExceptionInfo e = s.exception().orElseThrow();
        assertEquals(List.of("KeyError", "ConfigError", "ValueError"), e.chain().stream().map(ExceptionInfo::type).toList());
        assertEquals(ExceptionInfo.Relation.CONTEXT, e.cause().orElseThrow().relation());
        assertEquals(ExceptionInfo.Relation.CAUSE, e.chain().get(1).cause().orElseThrow().relation());
        assertEquals(s.threads().get(0).id(), e.threadId().orElseThrow());
        assertEquals(ThreadState.STOPPED, s.threads().get(0).state());
        assertTrue(e.frames().get(0).locals().stream().anyMatch(v -> v.name().equals("raw")));
    }

    @Test
    void aDriverErrorIsOneDebuggerException() {
        DebuggerException e = assertThrows(DebuggerException.class,
                () -> PdbReplyParser.result("{\"id\": 3, \"ok\": false, \"error\": \"ValueError: unknown request 'x'\"}"));
        assertTrue(e.getMessage().contains("unknown request"));
        assertThrows(DebuggerException.class, () -> PdbReplyParser.result("not json"));
    }
}
