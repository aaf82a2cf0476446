package dev.ddx.backend.text.gdb;

import dev.ddx.backend.NativeThreadStates;
import dev.ddx.backend.text.DumpDraft;
import dev.ddx.model.LockInfo;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.Variable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locks that gdb text shows, never guessed from function names alone: a thread waits for the
 * mutex whose address a lock call was given ({@code pthread_mutex_lock (mutex=0x…)}); a mutex is
 * held by the LWP its printed contents name ({@code __owner = 1234}), from a {@code print} of
 * the mutex or a {@code bt full} local of that name.
 */
final class GdbLockParser {
    private static final Pattern ADDRESS = Pattern.compile("^(0x[0-9a-fA-F]+)(?:\\s+<([^>+]+)(?:\\+\\d+)?>)?");
    private static final Pattern OWNER = Pattern.compile("__owner = (-?\\d+)");
    private static final Pattern PRINT = Pattern.compile("^(?:print|p|output|inspect)(?:/\\w+)?\\s+(.*)$");
    private static final Pattern POINTER = Pattern.compile("^\\*\\s*(?:\\([^)]*\\)\\s*)?(0x[0-9a-fA-F]+)$");
    private static final List<String> ARGUMENTS = List.of("mutex", "futex", "rwlock", "lock");

    private GdbLockParser() {
    }

    static void locks(DumpDraft draft, Map<String, String> printed) {
        for (TargetThread t : draft.threads()) {
            waitedLock(t).ifPresent(draft::lock);
        }
        for (LockInfo l : draft.locks()) {
            ownerOf(l, draft, printed).ifPresent(owner -> draft.lock(new LockInfo(l.id(), l.kind(), l.name(),
                    Optional.of(owner), List.of(), Optional.empty(), Map.of())));
        }
    }

    private static Optional<LockInfo> waitedLock(TargetThread t) {
        for (StackFrame f : t.frames()) {
            if (f.owner() == dev.ddx.model.CodeOwner.USER) break;
            if (!NativeThreadStates.isLockCall(f.function())) continue;
            String base = NativeThreadStates.normalise(f.function());
            for (Variable a : f.arguments()) {
                if (!ARGUMENTS.contains(a.name())) continue;
                Matcher m = ADDRESS.matcher(a.value());
                if (!m.find()) continue;
                String kind = base.contains("rwlock") ? "pthread_rwlock" : "pthread_mutex";
                return Optional.of(new LockInfo(normal(m.group(1)), kind, m.group(2) == null ? "" : m.group(2),
                        Optional.empty(), List.of(t.id()), Optional.empty(),
                        Map.of("waited in", f.function() + " (frame " + f.index() + ")")));
            }
        }
        return Optional.empty();
    }

    /** The thread id whose LWP the mutex's printed {@code __owner} names, if the text printed it. */
    private static Optional<String> ownerOf(LockInfo l, DumpDraft draft, Map<String, String> printed) {
        for (Map.Entry<String, String> p : printed.entrySet()) {
            Matcher cmd = PRINT.matcher(p.getKey());
            if (cmd.matches() && names(l, cmd.group(1).strip())) {
                Optional<String> owner = owner(p.getValue(), draft);
                if (owner.isPresent()) return owner;
            }
        }
        if (l.name().isEmpty()) return Optional.empty();
        for (TargetThread t : draft.threads()) {
            for (StackFrame f : t.frames()) {
                for (Variable v : f.locals()) {
                    if (v.name().equals(l.name())) {
                        Optional<String> owner = owner(v.value(), draft);
                        if (owner.isPresent()) return owner;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean names(LockInfo l, String expression) {
        if (!l.name().isEmpty() && expression.equals(l.name())) return true;
        Matcher m = POINTER.matcher(expression);
        return m.matches() && normal(m.group(1)).equals(l.id());
    }

    private static Optional<String> owner(String value, DumpDraft draft) {
        Matcher m = OWNER.matcher(value);
        if (!m.find()) return Optional.empty();
        long lwp = Long.parseLong(m.group(1));
        if (lwp <= 0) return Optional.empty();
        for (TargetThread t : draft.threads()) {
            if (t.nativeId().isPresent() && t.nativeId().getAsLong() == lwp) return Optional.of(t.id());
        }
        return Optional.of("LWP " + lwp);
    }

    static String normal(String hex) {
        String h = hex.toLowerCase(java.util.Locale.ROOT).substring(2).replaceFirst("^0+(?=.)", "");
        return "0x" + h;
    }
}
