package dev.ddx.backend.text;

import dev.ddx.cli.Ddx;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ddx summarize --dump FILE} end to end: saved text in, the catalog's patterns and their evidence out. */
class SummarizeDumpTest {

    private record Run(int code, String out, String err) {
    }

    private static Run summarize(String... files) {
        List<String> args = new ArrayList<>(List.of("summarize", "--format", "json"));
        for (String f : files) {
            args.add("--dump");
            args.add(f);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ddx.execute(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static String own(String name) throws Exception {
        Path p = Files.createTempDirectory("ddx-dump").resolve(name);
        Files.writeString(p, Fixtures.own(name));
        return p.toString();
    }

    @Test
    void theCdbDeadlockWalkthroughIsADeadlockNamingBothCriticalSectionsAndOwners() {
        Run r = summarize(Fixtures.shared("cdb/deadlock_session.txt").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"deadlock\""), r.out());
        assertTrue(r.out().contains("0x68629100") && r.out().contains("0x24e750"), r.out());
        assertTrue(r.out().contains("cdb/WinDbg output"), r.out());
    }

    @Test
    void jstackDeadlocksWithAndWithoutTheJvmSectionAreDeadlocks() throws Exception {
        Run bare = summarize(Fixtures.shared("java-dumps/thread-dump-deadlock.txt").toString());
        assertTrue(bare.out().contains("\"deadlock\""), bare.out());
        Run jvm = summarize(Fixtures.shared("java-dumps/deadlock.txt").toString());
        assertTrue(jvm.out().contains("\"deadlock\""), jvm.out());
        Run three = summarize(Fixtures.shared("java-dumps/three-way-deadlock.txt").toString());
        assertTrue(three.out().contains("\"deadlock\""), three.out());
    }

    @Test
    void aGdbMutexDeadlockIsADeadlock() throws Exception {
        Run r = summarize(own("gdb-mutex-deadlock.txt"));
        assertTrue(r.out().contains("\"deadlock\""), r.out());
    }

    @Test
    void runawayWithABusyThreadIsASpikingThread() throws Exception {
        Run r = summarize(own("cdb-runaway-busy-thread.txt"));
        assertTrue(r.out().contains("\"spiking-thread\""), r.out());
    }

    @Test
    void jstackDumpsInARowShowTheSpinnerAndTheThreadsThatStayBlocked() throws Exception {
        Run r = summarize(own("jstack-jdk25-1.txt"), own("jstack-jdk25-2.txt"), own("jstack-jdk25-3.txt"));
        assertTrue(r.out().contains("\"spiking-thread\""), r.out());
        assertTrue(r.out().contains("\"blocked-thread\""), r.out());
        assertTrue(r.out().contains("3 dumps in a row"), r.out());
    }

    @Test
    void gdbBugReportsAreCrashesWithTheirSignalAndThread() {
        Run r = summarize(Fixtures.shared("native-text/gdb_stacktraces_rhbz-1239318").toString());
        assertTrue(r.out().contains("\"crash\""), r.out());
        assertTrue(r.out().contains("SIGSEGV"), r.out());
        Run abort = summarize(Fixtures.shared("native-text/gdb_stacktraces_rhbz-955617").toString());
        assertTrue(abort.out().contains("SIGABRT"), abort.out());
    }

    @Test
    void aChainedPythonTracebackIsAManagedExceptionWithANestedCause() throws Exception {
        Run r = summarize(own("python-cause.txt"));
        assertTrue(r.out().contains("\"managed-code-exception\""), r.out());
        assertTrue(r.out().contains("\"nested-exception\""), r.out());
    }

    @Test
    void binaryInputIsRefusedWithOneLine() throws Exception {
        Path bin = Files.createTempFile("ddx", ".core");
        Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0});
        Run r = summarize(bin.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("binary"), r.err());
    }
}
