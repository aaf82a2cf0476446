package dev.ddx.backend.text.jvm;

import dev.ddx.model.LockInfo;
import dev.ddx.model.StackFrame;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How JVM locks become {@link LockInfo}s: ids, holders, waiters, and which parks wait for a lock. */
final class JavaLocks {
    private static final Set<String> IO_METHODS = Set.of("socketRead0", "socketAccept", "accept0", "accept",
            "epollWait", "poll0", "readBytes", "read0", "socketRead", "wait0", "poll", "select0", "doSelect",
            "readImpl", "receive0", "peekData", "connect0", "waitForProcessExit", "waitForProcessExit0");

    private JavaLocks() {
    }

    /** {@code 0x000000076ab62208} as a lock id: lower case, no leading zeros. */
    static String id(String hex) {
        String h = hex.toLowerCase(Locale.ROOT).substring(2);
        int k = 0;
        while (k < h.length() - 1 && h.charAt(k) == '0') k++;
        return "0x" + h.substring(k);
    }

    static LockInfo held(String id, String kind, String cls, String owner, Optional<String> where) {
        return new LockInfo(id, kind, cls, Optional.of(owner), List.of(), where, Map.of());
    }

    static LockInfo waited(String id, String kind, String cls, String waiter) {
        return new LockInfo(id, kind, cls, Optional.empty(), List.of(waiter), Optional.empty(), Map.of());
    }

    /** A j.u.c. synchronizer that is a lock (ReentrantLock, ReentrantReadWriteLock, StampedLock), not a condition or queue. */
    static boolean lockSync(String cls) {
        return cls.startsWith("java.util.concurrent.locks.") && cls.endsWith("Sync") || cls.contains("StampedLock");
    }

    /** True when a RUNNABLE thread's top frame is a blocking I/O call (an accept, a socket or pipe read). */
    static boolean inIo(StackFrame top) {
        String f = top.function();
        String method = f.substring(f.lastIndexOf('.') + 1);
        return top.source().isEmpty() && IO_METHODS.contains(method);
    }
}
