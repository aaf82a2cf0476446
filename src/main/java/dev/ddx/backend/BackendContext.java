package dev.ddx.backend;

import dev.ddx.event.SessionListener;
import dev.ddx.policy.CommandGate;

import java.time.Clock;
import java.time.Duration;

/**
 * What every backend is given: the gate commands pass, where debugger exchanges are reported,
 * how long one debugger call may take, and the clock.
 */
public record BackendContext(CommandGate gate, SessionListener listener, Duration callTimeout, Clock clock) {

    /** Headless defaults: unsafe commands refused, no listener, 30 s per call. */
    public static BackendContext headless() {
        return new BackendContext(CommandGate.headless(false), SessionListener.NONE, Duration.ofSeconds(30),
                Clock.systemUTC());
    }

    public BackendContext withListener(SessionListener l) {
        return new BackendContext(gate, l, callTimeout, clock);
    }

    public BackendContext withGate(CommandGate g) {
        return new BackendContext(g, listener, callTimeout, clock);
    }
}
