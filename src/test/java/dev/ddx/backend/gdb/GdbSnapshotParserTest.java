package dev.ddx.backend.gdb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddx.error.DebuggerException;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.LockInfo;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The helper's documents as captured from the real gdb (see src/test/resources/gdb/README.md). */
class GdbSnapshotParserTest {
    private static final List<String> LINES = GdbMiParserTest.resource("deadlock-hang.console.txt").lines().toList();

    @Test
    void aSmallAnswerIsPlainJson() {
        JsonNode run = GdbSnapshotParser.document(LINES.get(0));
        assertEquals("hang", run.path("outcome").asText());
    }

    @Test
    void aCompressedSnapshotOfTheDeadlockHasBothMutexesWithOwnersReadFromMemory() {
        GdbSnapshotParser.GdbState st = GdbSnapshotParser.state(GdbSnapshotParser.document(LINES.get(1)), at -> Optional.empty());
        assertEquals(3, st.threads().size());
        assertEquals(2, st.locks().size());
        for (LockInfo l : st.locks()) {
            assertEquals("pthread_mutex", l.kind());
            assertTrue(l.id().startsWith("0x"));
            TargetThread owner = st.threads().stream().filter(t -> t.id().equals(l.owner().orElseThrow())).findFirst().orElseThrow();
            assertEquals(Long.toString(owner.nativeId().orElseThrow()), l.attributes().get("owner_lwp"));
            assertEquals(ThreadState.BLOCKED, owner.state(), "each owner waits for the other lock");
        }
        assertEquals(List.of("accounts_lock", "journal_lock"), st.locks().stream().map(LockInfo::name).sorted().toList());
    }

    @Test
    void framesAreInnermostFirstWithOwnersAndModules() {
        GdbSnapshotParser.GdbState st = GdbSnapshotParser.state(GdbSnapshotParser.document(LINES.get(1)), at -> Optional.empty());
        TargetThread main = st.threads().get(0);
        assertEquals("1", main.id());
        assertEquals(ThreadState.WAITING, main.state(), "main joins its threads");
        assertEquals(0, main.frames().get(0).index());
        assertEquals(CodeOwner.SYSTEM, main.frames().get(0).owner());
        assertEquals("libc.so.6", main.frames().get(0).module());
        assertTrue(main.frames().stream().anyMatch(f -> f.function().equals("main") && f.owner() == CodeOwner.USER
                && f.module().equals("deadlock")));
        assertTrue(st.modules().stream().anyMatch(m -> m.name().equals("deadlock") && m.symbols() && m.buildId().isPresent()));
    }

    @Test
    void noDocumentIsOneClearError() {
        DebuggerException e = assertThrows(DebuggerException.class, () -> GdbSnapshotParser.document("Undefined command: \"ddx-snapshot\"."));
        assertTrue(e.getMessage().contains("Undefined command"));
    }
}
