package dev.ddx.event;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands each event to every listener, in the order they were added. A listener that throws is
 * not allowed to stop the others or the session.
 */
public final class EventBus implements SessionListener {
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public EventBus(Clock clock) {
        this.clock = clock;
    }

    public EventBus add(SessionListener listener) {
        listeners.add(listener);
        return this;
    }

    public void remove(SessionListener listener) {
        listeners.remove(listener);
    }

    /** The session's clock: events are stamped with it so a replay can reproduce them. */
    public Clock clock() {
        return clock;
    }

    @Override
    public void on(SessionEvent event) {
        for (SessionListener l : listeners) {
            try {
                l.on(event);
            } catch (RuntimeException ignored) {
                // a broken listener (a closed terminal, a full disk) must not end the session
            }
        }
    }
}
