package dev.ddx.pattern;

import dev.ddx.model.Probe;
import dev.ddx.model.Snapshot;

import java.util.List;
import java.util.Optional;

/**
 * Which pointer of the crashing line is bad: the first probe (dereference prefixes, in order) that
 * is NULL or unreadable, with the probe before it and the line's whole expression.
 *
 * @param bad      the first NULL or unreadable probe
 * @param previous the last readable probe before it, when there is one (what to print next)
 * @param whole    the longest expression probed on that line
 */
public record BadPointer(Probe bad, Optional<Probe> previous, String whole) {

    /** The first bad probe of the snapshot, if the backend probed a line and one was bad. */
    public static Optional<BadPointer> find(Snapshot s) {
        List<Probe> probes = s.probes();
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            if (p.status() != Probe.Status.NULL && p.status() != Probe.Status.UNREADABLE) continue;
            Optional<Probe> prev = Optional.empty();
            for (int j = i - 1; j >= 0; j--) {
                if (probes.get(j).status() == Probe.Status.OK && sameFrame(probes.get(j), p)) {
                    prev = Optional.of(probes.get(j));
                    break;
                }
            }
            String whole = p.expression();
            for (Probe q : probes) {
                if (sameFrame(q, p) && q.expression().length() > whole.length()) whole = q.expression();
            }
            return Optional.of(new BadPointer(p, prev, whole));
        }
        return Optional.empty();
    }

    private static boolean sameFrame(Probe a, Probe b) {
        return a.threadId().equals(b.threadId()) && a.frame() == b.frame();
    }

    /**
     * What to print next: the struct that holds the bad field ({@code *a.b2} when {@code a.b2->data}
     * is bad), or the pointer the bad value was read through ({@code *a.b2->data}, whose symbol shows
     * which variable holds the NULL, when {@code **a.b2->data} is bad).
     */
    public String nextExpression() {
        if (previous.isEmpty()) return bad.expression();
        String prev = previous.get().expression();
        return bad.expression().equals("*" + prev) || bad.expression().equals("*(" + prev + ")") ? prev : "*" + prev;
    }

    /** One sentence: {@code a.b2->data is NULL, so ****a.b2->data dereferences address 0}. */
    public String sentence() {
        if (bad.status() == Probe.Status.NULL) {
            String then = whole.equals(bad.expression()) ? "dereferencing it" : whole;
            return bad.expression() + " is NULL, so " + then + " dereferences address 0";
        }
        String value = bad.value().isEmpty() ? "" : " (" + bad.value() + ")";
        String base = previous.map(p -> p.expression() + " = " + p.value() + " points to unreadable memory: ")
                .orElse("");
        return base + bad.expression() + " cannot be read" + value;
    }
}
