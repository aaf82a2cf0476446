package dev.ddx.transcript;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.error.UsageException;
import dev.ddx.event.SessionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Opens each kind of backend over a {@link RecordedTransport} instead of a real debugger, so the
 * backend's own parsing and the detectors run again on exactly what the debugger printed when
 * the session was recorded. Keeps the transports to report what the recording lacked.
 */
final class RecordedBackends {
    private final List<SessionEvent> events;
    private final UnaryOperator<String> normalize;
    private final List<RecordedTransport> transports = new ArrayList<>();

    RecordedBackends(List<SessionEvent> events, UnaryOperator<String> normalize) {
        this.events = events;
        this.normalize = normalize;
    }

    DebuggerBackend open(TargetSpec spec, BackendContext ctx) {
        throw new UsageException("ddx cannot yet replay a " + spec.getClass().getSimpleName().toLowerCase()
                + " target from its recording", "replay it with --live");
    }

    private RecordedTransport transport(String debugger) {
        RecordedTransport t = new RecordedTransport(debugger, events, normalize);
        transports.add(t);
        return t;
    }

    /** Commands the session asked that the recording had no reply to. */
    List<String> misses() {
        List<String> out = new ArrayList<>();
        transports.forEach(t -> out.addAll(t.misses()));
        return out;
    }
}
