package dev.ddx.cli;

import dev.ddx.event.SessionListener;
import dev.ddx.event.SessionEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A listener that holds events until {@link #release} names where they go, then forwards them in
 * order and every later one directly. Lets the backend start working (and reporting its debugger
 * exchanges) while the session's first event is still being prepared, without reordering events.
 */
final class HeldEvents implements SessionListener {
    private final List<SessionEvent> held = new ArrayList<>();
    private SessionListener target;

    @Override
    public synchronized void on(SessionEvent event) {
        if (target == null) held.add(event);
        else target.on(event);
    }

    /** Sends the held events to {@code to}, then forwards every later event to it. */
    synchronized void release(SessionListener to) {
        held.forEach(to::on);
        held.clear();
        target = to;
    }
}
