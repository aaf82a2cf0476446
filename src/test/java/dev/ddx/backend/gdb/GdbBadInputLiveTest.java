package dev.ddx.backend.gdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.cli.Ddx;
import dev.ddx.error.DdxException;
import dev.ddx.error.DebuggerException;
import dev.ddx.error.ExitCodes;
import dev.ddx.error.TargetUnreadableException;
import dev.ddx.error.UsageException;
import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets one clear line and the documented exit code, through the backend and through ddx summarize. */
class GdbBadInputLiveTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void toolchain() {
        NativeScenarios.assumeToolchain();
    }

    private static void openCore(Path core, Path exe) {
        try (DebuggerBackend b = GdbBackend.open(new TargetSpec.Core(core, exe), BackendContext.headless())) {
            b.snapshot();
        }
    }

    /** Runs ddx summarize; returns its exit code and checks the error is one line with no stack trace. */
    private static String summarize(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "summarize";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Ddx.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        String e = err.toString();
        assertEquals(expectedExit, code, "exit code; stderr: " + e);
        assertTrue(e.startsWith("ddx: "), e);
        assertFalse(e.contains("\tat ") || e.contains("Exception"), "no stack trace without --debug: " + e);
        return e.lines().findFirst().orElse("");
    }

    private static <T extends DdxException> String fails(Class<T> type, Executable open) {
        T e = assertThrows(type, open);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.hint().isBlank(), "a hint says what to do");
        return e.getMessage();
    }

    @Test
    void aFileThatIsNotACore() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a core\n");
        Path exe = NativeScenarios.binary("null_deref");
        assertTrue(fails(TargetUnreadableException.class, () -> openCore(text, exe)).contains("is not a core file"));
        assertTrue(summarize(ExitCodes.TARGET_UNREADABLE, "--core", text.toString(), "--exe", exe.toString())
                .contains("is not a core file"));
    }

    @Test
    void aTruncatedCoreSaysItIsTruncated() throws IOException {
        Path whole = NativeScenarios.core("null_deref");
        Path cut = dir.resolve("cut.core");
        Files.copy(whole, cut, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(whole) / 2);
        }
        Path exe = NativeScenarios.binary("null_deref");
        assertTrue(fails(TargetUnreadableException.class, () -> openCore(cut, exe)).contains("truncated"));
        assertTrue(summarize(ExitCodes.TARGET_UNREADABLE, "--core", cut.toString(), "--exe", exe.toString())
                .contains("truncated"));
    }

    @Test
    void aCoreWithTheWrongExecutable() {
        Path core = NativeScenarios.core("null_deref");
        Path other = NativeScenarios.binary("sigfpe");
        String m = fails(TargetUnreadableException.class, () -> openCore(core, other));
        assertTrue(m.contains("does not match the executable"), m);
        assertTrue(summarize(ExitCodes.TARGET_UNREADABLE, "--core", core.toString(), "--exe", other.toString())
                .contains("does not match"));
    }

    @Test
    void swappedCoreAndExecutableAreNamedAsSuch() {
        Path core = NativeScenarios.core("null_deref");
        Path exe = NativeScenarios.binary("null_deref");
        assertTrue(fails(TargetUnreadableException.class, () -> openCore(exe, core)).contains("swap"));
    }

    @Test
    void aMissingCoreIsAUsageError() {
        Path exe = NativeScenarios.binary("null_deref");
        fails(UsageException.class, () -> openCore(dir.resolve("nope.core"), exe));
        summarize(ExitCodes.USAGE, "--core", dir.resolve("nope.core").toString(), "--exe", exe.toString());
    }

    @Test
    void aPidThatDoesNotExist() {
        String m = fails(TargetUnreadableException.class,
                () -> GdbBackend.open(new TargetSpec.Pid(999_999_999L, Duration.ZERO), BackendContext.headless()).close());
        assertTrue(m.contains("no process with pid 999999999"), m);
        summarize(ExitCodes.TARGET_UNREADABLE, "--pid", "999999999");
    }

    @Test
    void aPidThatCannotBeAttached() {
        try (NativeScenarios.LiveProcess p = NativeScenarios.start("wait_chain").settle(Duration.ofMillis(300));
             DebuggerBackend first = GdbBackend.open(new TargetSpec.Pid(p.pid(), Duration.ZERO), BackendContext.headless())) {
            String m = fails(TargetUnreadableException.class,
                    () -> GdbBackend.open(new TargetSpec.Pid(p.pid(), Duration.ZERO), BackendContext.headless()).close());
            assertTrue(m.startsWith("cannot attach to pid " + p.pid()), m);
            assertTrue(summarize(ExitCodes.TARGET_UNREADABLE, "--pid", Long.toString(p.pid())).contains("cannot attach"));
            assertFalse(first.snapshot().threads().isEmpty());
        }
    }

    @Test
    void aMissingGdbSaysToInstallIt() {
        System.setProperty("ddx.gdb", dir.resolve("no-gdb-here").toString());
        try {
            Path exe = NativeScenarios.binary("null_deref");
            DebuggerException e = assertThrows(DebuggerException.class, () -> openCore(NativeScenarios.core("null_deref"), exe));
            assertTrue(e.hint().contains("install gdb"), e.hint());
            assertFalse(e.getMessage().contains("\n"));
        } finally {
            System.clearProperty("ddx.gdb");
        }
    }

    @Test
    void aProgramThatIsNotThere() {
        fails(UsageException.class, () -> GdbBackend.open(new TargetSpec.Run(List.of(dir.resolve("absent").toString()),
                Duration.ofSeconds(1)), BackendContext.headless()).close());
    }
}
