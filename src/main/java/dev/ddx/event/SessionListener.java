package dev.ddx.event;

/** Receives session events as they happen. Must not throw; must return quickly. */
@FunctionalInterface
public interface SessionListener {
    SessionListener NONE = e -> { };

    void on(SessionEvent event);
}
