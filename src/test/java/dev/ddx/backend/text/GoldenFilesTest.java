package dev.ddx.backend.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every parser on every real fixture against a golden JSON snapshot. Goldens are produced by the
 * parsers and checked by reading them; regenerate with {@code -Dddx.golden.update=true}, never edit by hand.
 */
class GoldenFilesTest {
    static final List<String> SHARED = List.of("cdb/deadlock_session.txt", "cdb/cs-timeout_session.txt",
            "cdb/analyze-v_user_breakpoint.txt", "cdb/analyze-v_user_divzero_x64_partial.txt", "cdb/analyze-v_kernel_d1.txt",
            "cdb/jdinfo_k_lastevent_user_av_x64.txt", "cdb/jdinfo_user_av_x64_jit-attach.txt", "cdb/locks.txt",
            "cdb/cs_all.txt", "cdb/cs_s.txt", "cdb/runaway.txt", "cdb/handle.txt", "cdb/handle_8_f.txt",
            "cdb/lm_user_x86.txt", "cdb/lm_user_x64_notepad.txt", "cdb/lmv_kernel_tcpip.txt",
            "cdb/lm_kernel_pattern_unloaded.txt", "cdb/tilde-star-k.txt", "cdb/thread-status.txt",
            "cdb/kb_user_x86_stackoverflow_framenums.txt", "cdb/k_user_x86_stackoverflow.txt",
            "cdb/k_user_x64_notepad.txt", "cdb/teb_user_x86_stackoverflow.txt", "cdb/teb_user_x64.txt",
            "cdb/exr_cxr_kb_kernel_bugcheck1e.txt", "cdb/lastevent_user_stackoverflow.txt",
            "cdb/exception-event_user_divzero_x64.txt", "cdb/exception-event_user_stackoverflow_x86.txt",
            "native-text/gdb_stacktraces_rhbz-1239318", "native-text/gdb_stacktraces_rhbz-955617",
            "native-text/gdb_stacktraces_rhbz-1119072", "native-text/python_stacktraces_python-01",
            "native-text/java_stacktraces_java-02", "java-dumps/java8dump.log", "java-dumps/java21dump.log",
            "java-dumps/deadlock.txt", "java-dumps/three-way-deadlock.txt", "java-dumps/thread-dump-deadlock.txt");
    static final List<String> OWN = List.of("gdb-mutex-deadlock.txt", "jstack-jdk25-1.txt", "jstack-jdk17-1.txt",
            "jcmd-threads-jdk25.txt", "python-cause.txt", "python-context.txt", "python-threads.txt", "python-fatal.txt",
            "py-spy-native-locals.txt", "cdb-runaway-busy-thread.txt");

    static List<String> shared() {
        return SHARED;
    }

    static List<String> own() {
        return OWN;
    }

    @ParameterizedTest
    @MethodSource("shared")
    void sharedFixtureMatchesItsGolden(String fixture) throws Exception {
        check(fixture, Fixtures.sharedLines(fixture));
    }

    @ParameterizedTest
    @MethodSource("own")
    void ownCaptureMatchesItsGolden(String capture) throws Exception {
        check(capture, Fixtures.ownLines(capture));
    }

    private static void check(String name, TextLines text) throws Exception {
        String json = Fixtures.json().writeValueAsString(Fixtures.snapshot(text)) + "\n";
        Path golden = Path.of("src/test/resources/golden", name.replace('/', '_') + ".json");
        if (Boolean.getBoolean("ddx.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, json, StandardCharsets.UTF_8);
            return;
        }
        assumeTrue(Files.exists(golden), "no golden for " + name + "; run with -Dddx.golden.update=true and read it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), json, "snapshot of " + name + " changed");
    }
}
