package dev.ddx.pattern;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Readings of stacks that several detectors and the analyzer share: the faulting thread, the first
 * frame of the program's own code, short module names, a stack's function sequence.
 */
public final class Stacks {
    private Stacks() {
    }

    /** The thread the fault was raised on; for a crash without a named thread, the first thread with frames. */
    public static Optional<TargetThread> faultingThread(Snapshot s) {
        Optional<TargetThread> t = s.faultingThread();
        if (t.isPresent()) return t;
        if (s.exception().isEmpty()) return Optional.empty();
        return s.threads().stream().filter(x -> !x.frames().isEmpty()).findFirst();
    }

    /** The frames of the fault: the faulting thread's, else the exception's own stack. */
    public static List<StackFrame> faultFrames(Snapshot s) {
        Optional<TargetThread> t = faultingThread(s);
        if (t.isPresent() && !t.get().frames().isEmpty()) return t.get().frames();
        return s.exception().map(e -> e.frames()).orElse(List.of());
    }

    /** The innermost frame of the program's own code. */
    public static Optional<StackFrame> firstUserFrame(List<StackFrame> frames) {
        return frames.stream().filter(f -> f.owner() == CodeOwner.USER).findFirst();
    }

    /** The module's short name: the last path element ({@code /lib/x86_64-linux-gnu/libc.so.6} → {@code libc.so.6}). */
    public static String shortModule(String module) {
        if (module == null || module.isEmpty()) return "";
        String m = module.replace('\\', '/');
        return m.substring(m.lastIndexOf('/') + 1);
    }

    /** {@code module!function}, or just the function when the module is unknown. */
    public static String moduleBang(StackFrame f) {
        String m = shortModule(f.module());
        return m.isEmpty() ? f.function() : m + "!" + f.function();
    }

    /** The stack as a list of function names, innermost first: what makes two stacks "identical". */
    public static List<String> functions(TargetThread t) {
        return t.frames().stream().map(f -> f.function() + "@" + shortModule(f.module())).toList();
    }

    /** True when any frame's function name contains one of {@code needles} (case-insensitive). */
    public static Optional<StackFrame> frameMatching(TargetThread t, List<String> needles) {
        for (StackFrame f : t.frames()) {
            String fn = f.function().toLowerCase(Locale.ROOT);
            for (String n : needles) if (fn.contains(n)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** A frame whose function is exactly one of {@code names}, ignoring glibc's leading underscores and suffixes. */
    public static Optional<StackFrame> frameNamed(TargetThread t, List<String> names) {
        for (StackFrame f : t.frames()) if (names.contains(bareName(f.function()))) return Optional.of(f);
        return Optional.empty();
    }

    /** {@code __GI_raise} → {@code raise}, {@code __pthread_kill_implementation} stays, {@code abort@plt} → {@code abort}. */
    public static String bareName(String function) {
        String f = function;
        int at = f.indexOf('@');
        if (at > 0) f = f.substring(0, at);
        if (f.startsWith("__GI_")) f = f.substring(5);
        if (f.startsWith("__libc_") && !f.equals("__libc_message")) f = f.substring(7);
        return f;
    }

    /** Where a frame is, for a reader: {@code frame 2 deref_chain at null_deref.c:14 (null_deref)}. */
    public static String where(StackFrame f) {
        StringBuilder b = new StringBuilder("frame ").append(f.index()).append(' ').append(f.label());
        String m = shortModule(f.module());
        if (f.source().isPresent() && !m.isEmpty()) b.append(" (").append(m).append(')');
        return b.toString();
    }
}
