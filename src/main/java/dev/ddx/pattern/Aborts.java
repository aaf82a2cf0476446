package dev.ddx.pattern;

import dev.ddx.model.SignalInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.Variable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an abort on the faulting stack looks like: the runtime's own checks (assert, glibc's heap
 * checks, stack protector, fortify) end in abort → raise → SIGABRT sent with SI_TKILL.
 */
final class Aborts {
    static final List<String> ASSERT = List.of("__assert_fail", "__assert_fail_base", "__assert_perror_fail", "_assert");
    static final List<String> HEAP = List.of("malloc_printerr", "__malloc_assert", "_int_free", "_int_malloc",
            "unlink_chunk", "__libc_message");
    static final List<String> GUARD = List.of("__stack_chk_fail", "__fortify_fail", "__chk_fail");
    static final List<String> ABORT = List.of("abort", "raise", "gsignal", "pthread_kill", "__pthread_kill_implementation",
            "__pthread_kill_internal");

    private Aborts() {
    }

    static boolean isSigabrt(Snapshot s) {
        return signal(s).map(x -> x.name().equals("SIGABRT")).orElse(false);
    }

    static Optional<SignalInfo> signal(Snapshot s) {
        return s.exception().flatMap(e -> e.signal());
    }

    /** True when the signal was sent by the process to itself ({@code SI_TKILL}, {@code SI_USER}). */
    static boolean selfSent(Snapshot s) {
        return signal(s).map(x -> x.codeName().equals("SI_TKILL") || x.codeName().equals("SI_USER")
                || x.code().orElse(0) == -6).orElse(false);
    }

    /** The frame of the first of {@code names} (in their order of preference) on the faulting stack. */
    static Optional<StackFrame> frame(Snapshot s, List<String> names) {
        Optional<TargetThread> t = Stacks.faultingThread(s);
        if (t.isEmpty()) return Optional.empty();
        for (String n : names) {
            Optional<StackFrame> f = Stacks.frameNamed(t.get(), List.of(n));
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    /** The first quoted string among a frame's arguments ({@code str=0x7f… "free(): double free detected"}). */
    static Optional<String> quotedArgument(StackFrame f, String preferred) {
        Optional<String> named = f.arguments().stream().filter(v -> v.name().equals(preferred))
                .map(Variable::value).map(Aborts::quoted).flatMap(Optional::stream).findFirst();
        if (named.isPresent()) return named;
        return f.arguments().stream().map(Variable::value).map(Aborts::quoted).flatMap(Optional::stream).findFirst();
    }

    /** The text between the first and last double quote; a string the debugger cut short ends in "…". */
    static Optional<String> quoted(String value) {
        int a = value.indexOf('"');
        int b = value.lastIndexOf('"');
        if (a < 0 || b <= a + 1) return Optional.empty();
        boolean cut = value.substring(b + 1).strip().startsWith("...");
        return Optional.of(value.substring(a + 1, b) + (cut ? "…" : ""));
    }

    /** An argument's value by name, stripped of its address when it is a string. */
    static Optional<String> argument(StackFrame f, String name) {
        return f.arguments().stream().filter(v -> v.name().equals(name)).map(Variable::value)
                .map(v -> quoted(v).orElse(v)).findFirst();
    }

    static boolean isHeapMessage(String m) {
        String x = m.toLowerCase(Locale.ROOT);
        return x.contains("free(") || x.contains("double free") || x.contains("corrupted") || x.contains("malloc")
                || x.contains("realloc(") || x.contains("tcache") || x.contains("chunk");
    }

    static String thread(Snapshot s) {
        return Stacks.faultingThread(s).map(TargetThread::id).orElse("");
    }
}
