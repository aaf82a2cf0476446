package dev.ddx.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lock and who holds and waits for it: one node of the wait-for graph.
 *
 * @param id         a stable id within the snapshot: the mutex or critical-section address, the
 *                   monitor's identity hash, a Python lock's id
 * @param kind       pthread_mutex, critical_section, java_monitor, juc_lock, threading.Lock, …
 * @param name       a readable name (a variable or class name), or empty
 * @param owner      the id of the thread holding it, when held and known
 * @param waiters    ids of threads waiting to acquire it
 * @param acquiredAt where the owner took it (file:line or a frame label), when known
 * @param attributes further details as printed (lock count, contention count, recursion)
 */
public record LockInfo(
        String id,
        String kind,
        String name,
        Optional<String> owner,
        List<String> waiters,
        Optional<String> acquiredAt,
        Map<String, String> attributes) {

    public LockInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        Objects.requireNonNull(owner, "owner");
        waiters = List.copyOf(waiters);
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes)); // as printed, not Map.copyOf's order
    }

    /** {@code pthread_mutex 0x5555… (name)} */
    public String label() {
        return name.isEmpty() ? kind + " " + id : kind + " " + id + " (" + name + ")";
    }
}
