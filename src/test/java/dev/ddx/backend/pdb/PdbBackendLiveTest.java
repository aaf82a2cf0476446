package dev.ddx.backend.pdb;

import dev.ddx.error.CommandRefusedException;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pdb backend on real Python scenario programs: what a snapshot holds. */
class PdbBackendLiveTest {

    @BeforeAll
    static void python() {
        PythonScenarios.assumePython();
    }

    @Test
    void anUncaughtExceptionGivesThePostMortemStateWithTheCulpritFrameAndItsLocals() {
        try (PdbBackend b = PythonScenarios.open(PythonScenarios.spec("deep_exception.py", 20, 0, "--fast"))) {
            Snapshot s = b.snapshot();
            assertEquals(TargetProcess.ProcessState.CRASHED, s.process().state());
            assertEquals(TargetProcess.Runtime.PYTHON, s.process().runtime());
            ExceptionInfo e = s.exception().orElseThrow();
            assertEquals("KeyError", e.type());
            assertEquals("'kiwi'", e.message());
            StackFrame top = e.frames().get(0);
            assertEquals("lookup", top.function());
            assertEquals(16, top.source().orElseThrow().line());
            assertEquals("return prices[item]", top.sourceText().orElseThrow());
            assertEquals(CodeOwner.USER, top.owner());
            assertTrue(top.locals().stream().anyMatch(v -> v.name().equals("item") && v.value().equals("'kiwi'")));
            assertEquals("<module>", e.frames().get(e.frames().size() - 1).function(), "no driver frames");
            TargetThread faulting = s.faultingThread().orElseThrow();
            assertEquals("MainThread", faulting.name());
            assertEquals("lookup", faulting.top().orElseThrow().function());
            assertEquals("'kiwi'\n", b.execute("p item"));
            assertTrue(b.execute("w").contains("-> return prices[item]"));
            assertTrue(b.execute("u").contains("price_of()"));
            assertTrue(b.execute("args").contains("item = 'kiwi'"));
            assertThrows(CommandRefusedException.class, () -> b.execute("!import os"));
        }
    }

    @Test
    void explicitAndImplicitChainsKeepEachLinkWithItsFrames() {
        try (PdbBackend b = PythonScenarios.open(PythonScenarios.spec("chained_exceptions.py", 20, 0))) {
            List<ExceptionInfo> chain = b.snapshot().exception().orElseThrow().chain();
            assertEquals(List.of("KeyError", "ConfigError", "ValueError"), chain.stream().map(ExceptionInfo::type).toList());
            assertEquals(ExceptionInfo.Relation.CONTEXT, chain.get(0).cause().orElseThrow().relation());
            assertEquals(ExceptionInfo.Relation.CAUSE, chain.get(1).cause().orElseThrow().relation());
            assertEquals("read_port", chain.get(2).frames().get(0).function());
            assertEquals("parse_config", chain.get(1).frames().get(0).function());
        }
    }

    @Test
    void aTwoRLockDeadlockShowsOwnersWaitersAndTheLinesWhereEachLockWasTaken() {
        try (PdbBackend b = PythonScenarios.open(PythonScenarios.spec("rlock_deadlock.py", 2, 0))) {
            Snapshot s = b.snapshot();
            assertEquals(TargetProcess.ProcessState.HUNG, s.process().state());
            TargetThread transfer = byName(s, "transfer");
            TargetThread audit = byName(s, "audit");
            assertEquals(ThreadState.BLOCKED, transfer.state());
            assertEquals(ThreadState.BLOCKED, audit.state());
            assertEquals(ThreadState.WAITING, byName(s, "MainThread").state());
            LockInfo accounts = byLockName(s, "accounts_lock");
            LockInfo auditLock = byLockName(s, "audit_lock");
            assertEquals("threading.RLock", accounts.kind());
            assertEquals(transfer.id(), accounts.owner().orElseThrow());
            assertEquals(List.of(audit.id()), accounts.waiters());
            assertEquals(audit.id(), auditLock.owner().orElseThrow());
            assertTrue(accounts.acquiredAt().orElseThrow().endsWith("rlock_deadlock.py:10"));
            assertTrue(auditLock.acquiredAt().orElseThrow().endsWith("rlock_deadlock.py:17"));
            assertEquals("with audit_lock:", transfer.top().orElseThrow().sourceText().orElseThrow());
        }
    }

    @Test
    void aQueueGetWithNoProducerIsAWaitWithoutAnOwner() {
        try (PdbBackend b = PythonScenarios.open(PythonScenarios.spec("queue_no_producer.py", 1.5, 0))) {
            Snapshot s = b.snapshot();
            TargetThread consumer = byName(s, "consumer");
            assertEquals(ThreadState.WAITING, consumer.state());
            LockInfo q = byLockName(s, "jobs");
            assertEquals("queue.Queue", q.kind());
            assertTrue(q.owner().isEmpty());
            assertTrue(q.waiters().isEmpty(), "nobody owns a queue, so its waiter ends the wait chain");
            assertEquals(consumer.id(), q.attributes().get("waiting threads"));
            assertEquals("0", q.attributes().get("size"));
        }
    }

    static TargetThread byName(Snapshot s, String name) {
        return s.threads().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name + " in " + s.threads()));
    }

    static LockInfo byLockName(Snapshot s, String name) {
        return s.locks().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no lock " + name + " in " + s.locks()));
    }
}
