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
    void aThreadStoppedWhileTakingALockNoOneHoldsIsRunningNotBlocked() throws java.io.IOException {
        // a spinning thread caught inside an uncontended pthread_mutex_lock (the owner read from memory
        // is none, or the thread itself once it has the lock) is not waiting; one whose mutex another
        // thread holds is, and so is one whose mutex could not be read
        String lock = "{\"level\": 0, \"func\": \"___pthread_mutex_lock\", \"module\": \"/lib/libc.so.6\"}";
        String user = "{\"level\": 1, \"func\": \"transfer\", \"module\": \"/tmp/app\", \"file\": \"app.c\", \"line\": 9}";
        StringBuilder threads = new StringBuilder();
        for (int n = 1; n <= 4; n++) {
            if (n > 1) threads.append(", ");
            threads.append("{\"num\": ").append(n).append(", \"lwp\": ").append(100 + n)
                    .append(", \"name\": \"app\", \"frames\": [").append(lock).append(", ").append(user).append("], \"depth\": 2}");
        }
        String doc = "{\"pid\": 100, \"exe\": \"/tmp/app\", \"selected\": 1, \"threads\": [" + threads + "], \"mutexes\": ["
                + "{\"address\": 4096, \"lock\": 0, \"owner\": 0, \"symbol\": \"free_lock\", \"waiters\": [1]}, "
                + "{\"address\": 8192, \"lock\": 1, \"owner\": 102, \"owner_thread\": 2, \"symbol\": \"own_lock\", \"waiters\": [2]}, "
                + "{\"address\": 12288, \"lock\": 2, \"owner\": 101, \"owner_thread\": 1, \"symbol\": \"held_lock\", \"waiters\": [3]}, "
                + "{\"address\": 16384, \"error\": \"Cannot access memory\", \"waiters\": [4]}], \"modules\": []}";
        GdbSnapshotParser.GdbState st = GdbSnapshotParser.state(JsonTreeParser.parse(doc), at -> Optional.empty());
        assertEquals(List.of(ThreadState.RUNNING, ThreadState.RUNNING, ThreadState.BLOCKED, ThreadState.BLOCKED),
                st.threads().stream().map(TargetThread::state).toList());
        // (the helper names the owner's thread as it does here); the free lock is no lock evidence at all,
        // and the one thread 2 took is held by it with no one waiting
        assertEquals(List.of("own_lock", "held_lock", ""), st.locks().stream().map(LockInfo::name).toList());
        assertEquals(List.of(List.of(), List.of("3"), List.of("4")), st.locks().stream().map(LockInfo::waiters).toList());
        assertEquals(Optional.of("1"), st.locks().get(1).owner());
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
