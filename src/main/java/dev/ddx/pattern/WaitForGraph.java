package dev.ddx.pattern;

import dev.ddx.model.LockInfo;
import dev.ddx.model.Snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The wait-for graph of a snapshot, built only from {@link Snapshot#locks()}: a thread points at
 * the lock it waits for, a lock at the thread that holds it. It knows nothing of pthreads, so the
 * gdb, pdb, cdb and thread-dump backends all feed the same deadlock, wait-chain and blocked-thread
 * detectors. Threads and chains come out in a stable order (the order the snapshot lists threads).
 */
public final class WaitForGraph {
    private final Map<String, LockInfo> waitsFor = new LinkedHashMap<>();
    private final Map<String, List<LockInfo>> holds = new LinkedHashMap<>();
    private final List<String> threadOrder = new ArrayList<>();

    private WaitForGraph(Snapshot s) {
        s.threads().forEach(t -> threadOrder.add(t.id()));
        for (LockInfo l : s.locks()) {
            for (String w : l.waiters()) {
                waitsFor.putIfAbsent(w, l);
                if (!threadOrder.contains(w)) threadOrder.add(w);
            }
            l.owner().ifPresent(o -> {
                holds.computeIfAbsent(o, k -> new ArrayList<>()).add(l);
                if (!threadOrder.contains(o)) threadOrder.add(o);
            });
        }
    }

    public static WaitForGraph of(Snapshot s) {
        return new WaitForGraph(s);
    }

    /** One edge pair: {@code waiter} waits for {@code lock}, held by {@code owner} (empty when unknown). */
    public record Link(String waiter, LockInfo lock, Optional<String> owner) {
    }

    /** A cycle of links: each link's owner is the next link's waiter; it starts at its smallest thread in listing order. */
    public record Cycle(List<Link> links) {
        public List<String> threads() {
            return links.stream().map(Link::waiter).toList();
        }
    }

    /**
     * Threads whose waits end at one thread that waits for no lock.
     *
     * @param root   the thread at the end of every path (the root blocker)
     * @param links  every link leading to the root, waiters listed before their owners
     * @param depth  the number of links on the longest path to the root
     */
    public record Chain(String root, List<Link> links, int depth) {
        public Set<String> waiters() {
            Set<String> w = new LinkedHashSet<>();
            links.forEach(l -> w.add(l.waiter()));
            return w;
        }
    }

    /** The lock this thread waits for, if any. */
    public Optional<LockInfo> waitsFor(String thread) {
        return Optional.ofNullable(waitsFor.get(thread));
    }

    /** The locks this thread holds. */
    public List<LockInfo> held(String thread) {
        return holds.getOrDefault(thread, List.of());
    }

    /** Every waiter → lock → owner link, in thread order. */
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        for (String t : threadOrder) {
            LockInfo l = waitsFor.get(t);
            if (l != null) out.add(new Link(t, l, l.owner()));
        }
        return out;
    }

    /** The thread {@code thread} waits on (the owner of the lock it wants), if known. */
    public Optional<String> next(String thread) {
        return waitsFor(thread).flatMap(LockInfo::owner);
    }

    /** Every cycle, each reported once. */
    public List<Cycle> cycles() {
        List<Cycle> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String start : threadOrder) {
            List<String> path = new ArrayList<>();
            String t = start;
            while (t != null && !seen.contains(t) && !path.contains(t)) {
                path.add(t);
                t = next(t).orElse(null);
            }
            if (t != null && path.contains(t)) out.add(cycleFrom(path.subList(path.indexOf(t), path.size())));
            seen.addAll(path);
        }
        return out;
    }

    private Cycle cycleFrom(List<String> members) {
        int first = members.stream().mapToInt(threadOrder::indexOf).min().orElse(0);
        String start = threadOrder.get(first);
        List<Link> links = new ArrayList<>();
        String t = start;
        do {
            LockInfo l = waitsFor.get(t);
            links.add(new Link(t, l, l.owner()));
            t = l.owner().orElseThrow();
        } while (!t.equals(start));
        return new Cycle(links);
    }

    /** Where the waits starting at {@code thread} end: the root blocker, or empty in a cycle or at an unknown owner. */
    public Optional<String> root(String thread) {
        List<String> path = new ArrayList<>();
        String t = thread;
        while (!path.contains(t)) {
            path.add(t);
            LockInfo l = waitsFor.get(t);
            if (l == null) return Optional.of(t);
            if (l.owner().isEmpty()) return Optional.empty();
            t = l.owner().get();
        }
        return Optional.empty();
    }

    /** Every chain that ends at a root blocker (never a cycle), in thread order of the roots. */
    public List<Chain> chains() {
        Map<String, List<String>> byRoot = new LinkedHashMap<>();
        for (String t : threadOrder) {
            if (!waitsFor.containsKey(t)) continue;
            root(t).ifPresent(r -> byRoot.computeIfAbsent(r, k -> new ArrayList<>()).add(t));
        }
        List<String> roots = new ArrayList<>(byRoot.keySet());
        roots.sort((a, b) -> Integer.compare(threadOrder.indexOf(a), threadOrder.indexOf(b)));
        List<Chain> out = new ArrayList<>();
        for (String r : roots) {
            List<String> members = byRoot.get(r);
            members.sort((a, b) -> Integer.compare(distance(b), distance(a)) != 0
                    ? Integer.compare(distance(b), distance(a))
                    : Integer.compare(threadOrder.indexOf(a), threadOrder.indexOf(b)));
            List<Link> links = new ArrayList<>();
            for (String m : members) links.add(new Link(m, waitsFor.get(m), waitsFor.get(m).owner()));
            out.add(new Chain(r, links, distance(members.get(0))));
        }
        return out;
    }

    private int distance(String thread) {
        int d = 0;
        String t = thread;
        while (waitsFor.containsKey(t) && d < threadOrder.size() + 1) {
            t = waitsFor.get(t).owner().orElse(null);
            if (t == null) break;
            d++;
        }
        return d;
    }

    /** True when no thread waits for a lock. */
    public boolean isEmpty() {
        return waitsFor.isEmpty();
    }
}
