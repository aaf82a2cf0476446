package dev.ddx.backend;

import dev.ddx.error.CommandRefusedException;
import dev.ddx.error.DebuggerException;
import dev.ddx.error.DebuggerTimeoutException;
import dev.ddx.event.SessionEvent;
import dev.ddx.event.SessionListener;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.policy.CommandGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The contract every {@link DebuggerBackend} passes (STYLE.md habit 9): a snapshot of a crash
 * names the faulting thread; frames are innermost first; a command the gate refuses never
 * reaches the debugger; a dead debugger surfaces as one clear {@link DebuggerException}; a call
 * that hangs ends in a {@link DebuggerTimeoutException}.
 *
 * <p>To run it for a backend, subclass it in the backend's test package (name it
 * {@code XyzBackendContractTest}) and implement the factory methods:
 * <ul>
 * <li>{@link #openCrash(BackendContext)}: open the backend on a real target that crashed (a core, a
 *     script that raised); skip with an assumption when the tool is absent;</li>
 * <li>{@link #refusedCommand(Path)}: a command of this debugger's dialect that the default policy
 *     refuses headless and that would leave a trace if it ran, with the check for that trace (e.g.
 *     gdb {@code shell touch FILE} and "FILE exists");</li>
 * <li>{@link #harmlessCommand()}: a read-only command that always answers (gdb {@code bt});</li>
 * <li>{@link #hangingCommand()}: a command that keeps the debugger busy far longer than a few
 *     seconds (it runs through a gate that approves everything);</li>
 * <li>{@link #killDebugger(DebuggerBackend)}: kill the debugger process behind the backend.</li>
 * </ul>
 * Every test closes the backends it opens. Call timeouts here are short, so the suite stays fast.
 */
public abstract class BackendContractTest {

    /** A command the gate must refuse, and how to tell whether it ran anyway. */
    public record RefusedCommand(String command, BooleanSupplier ran) {
    }

    protected abstract DebuggerBackend openCrash(BackendContext ctx);

    protected abstract RefusedCommand refusedCommand(Path scratch);

    protected abstract String harmlessCommand();

    protected abstract String hangingCommand();

    protected abstract void killDebugger(DebuggerBackend backend);

    /** The call timeout used by the hang test. */
    protected Duration shortTimeout() {
        return Duration.ofSeconds(2);
    }

    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    protected BackendContext context(boolean allowUnsafe, Duration callTimeout) {
        SessionListener l = events::add;
        return new BackendContext(CommandGate.headless(allowUnsafe), l, callTimeout, Clock.systemUTC());
    }

    @Test
    void aSnapshotOfACrashNamesTheFaultingThread() {
        try (DebuggerBackend b = openCrash(context(false, Duration.ofSeconds(60)))) {
            Snapshot s = b.snapshot();
            assertTrue(s.exception().isPresent(), "a crash has an exception or signal");
            assertTrue(s.exception().get().threadId().isPresent(), "the exception names its thread");
            TargetThread t = s.faultingThread().orElseThrow(() -> new AssertionError("the faulting thread is in the snapshot"));
            assertFalse(t.frames().isEmpty(), "the faulting thread has a stack");
        }
    }

    @Test
    void framesAreInnermostFirst() {
        try (DebuggerBackend b = openCrash(context(false, Duration.ofSeconds(60)))) {
            for (TargetThread t : b.snapshot().threads()) {
                List<StackFrame> f = t.frames();
                if (f.isEmpty()) continue;
                assertEquals(0, f.get(0).index(), t.label() + ": the first frame is the innermost (index 0)");
                for (int i = 1; i < f.size(); i++) {
                    assertTrue(f.get(i).index() > f.get(i - 1).index(), t.label() + ": frame indexes grow outwards");
                }
            }
        }
    }

    @Test
    void aRefusedCommandNeverReachesTheDebugger(@TempDir Path scratch) {
        RefusedCommand refused = refusedCommand(scratch);
        try (DebuggerBackend b = openCrash(context(false, Duration.ofSeconds(60)))) {
            events.clear();
            assertThrows(CommandRefusedException.class, () -> b.execute(refused.command()));
            assertFalse(refused.ran().getAsBoolean(), "the refused command left a trace: it ran");
            assertTrue(events.stream().noneMatch(e -> e instanceof SessionEvent.DebuggerExchange x
                    && x.command().contains(refused.command())), "the debugger saw the refused command");
            assertFalse(b.execute(harmlessCommand()).isBlank(), "the session goes on after a refusal");
        }
    }

    @Test
    void aDeadDebuggerSurfacesAsOneClearError() {
        DebuggerBackend b = openCrash(context(false, Duration.ofSeconds(30)));
        try {
            killDebugger(b);
            DebuggerException first = assertThrows(DebuggerException.class, () -> b.execute(harmlessCommand()));
            assertOneLine(first);
            DebuggerException again = assertThrows(DebuggerException.class, () -> b.execute(harmlessCommand()));
            assertEquals(first.getMessage(), again.getMessage(), "the same error, not a cascade of new ones");
        } finally {
            b.close();
        }
        b.close(); // idempotent
    }

    @Test
    void aCallThatHangsTimesOut() {
        try (DebuggerBackend b = openCrash(context(true, shortTimeout()))) {
            DebuggerTimeoutException e = assertTimeoutPreemptively(shortTimeout().multipliedBy(10).plusSeconds(20),
                    () -> assertThrows(DebuggerTimeoutException.class, () -> b.execute(hangingCommand())));
            assertOneLine(e);
        }
    }

    private static void assertOneLine(Exception e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "the error has a message");
        assertFalse(e.getMessage().contains("\n"), "the message is one line: " + e.getMessage());
    }
}
