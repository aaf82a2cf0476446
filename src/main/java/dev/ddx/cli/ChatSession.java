package dev.ddx.cli;

import dev.ddx.agent.Conversation;
import dev.ddx.agent.Incident;
import dev.ddx.agent.LogView;
import dev.ddx.agent.ModelChoice;
import dev.ddx.backend.BackendContext;
import dev.ddx.backend.Backends;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.catalog.Catalog;
import dev.ddx.error.UsageException;
import dev.ddx.event.EventBus;
import dev.ddx.event.SessionEvent;
import dev.ddx.policy.CommandGate;
import dev.ddx.policy.Consent;
import dev.ddx.policy.DefaultCommandPolicy;
import dev.ddx.repl.Repl;
import dev.ddx.transcript.TranscriptLocation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Opens what {@code ddx chat} talks about — the debugger target, the logs, the model, the
 * transcript — and builds the {@link Conversation} over them.
 */
final class ChatSession {
    private final EventBus bus;
    private final Incident incident;
    private final ModelChoice choice;
    private final ConsentSwitch consent;

    private ChatSession(EventBus bus, Incident incident, ModelChoice choice, ConsentSwitch consent) {
        this.bus = bus;
        this.incident = incident;
        this.choice = choice;
        this.consent = consent;
    }

    /** A consent that the REPL fills in once the terminal exists. */
    static final class ConsentSwitch implements Consent {
        volatile Consent delegate = Consent.NEVER;

        @Override
        public boolean approve(String debugger, String command, String reason) {
            return delegate.approve(debugger, command, reason);
        }
    }

    static ChatSession open(TargetOptions target, List<Path> logs, String model, TranscriptOptions transcript,
                            CommandGate headlessGate, boolean allowUnsafe, PrintWriter err) {
        if (!target.any() && logs.isEmpty()) {
            throw new UsageException("no target given",
                    "name one: --core FILE --exe FILE, --pid N, --run -- PROGRAM, --python SCRIPT, --dump FILE, or --log FILE");
        }
        ModelChoice choice = ModelChoice.resolve(model, System.getenv());
        EventBus bus = new EventBus(Clock.systemUTC());
        // what the debugger does while the target opens belongs in the transcript, which opens after
        List<SessionEvent> opening = new java.util.ArrayList<>();
        dev.ddx.event.SessionListener early = opening::add;
        bus.add(early);
        ConsentSwitch consent = new ConsentSwitch();
        if (allowUnsafe) consent.delegate = Consent.ALWAYS;
        CommandGate gate = headlessGate != null ? headlessGate : new CommandGate(new DefaultCommandPolicy(), consent);
        BackendContext ctx = BackendContext.headless().withGate(gate).withListener(bus);
        Optional<LogView> logView = ChatLogs.open(logs);
        List<DebuggerBackend> backends = target.any() ? List.of(Backends.open(target.toSpec(), ctx)) : List.of();
        Catalog catalog = Catalog.load();
        String described = new Incident(backends, logView, catalog, null, Optional.empty()).describe();
        Incident incident = new Incident(backends, logView, catalog, null,
                PreviousRuns.find(TranscriptLocation.directory(), described));
        SessionEvent.Started header = new SessionEvent.Started(bus.clock().instant(), Ddx.Version.current(), "chat",
                incident.describe(), choice.name(), catalog.version());
        dev.ddx.event.SessionListener writer = transcript.open(header);
        bus.remove(early);
        opening.forEach(writer::on);
        bus.add(writer);
        return new ChatSession(bus, incident, choice, consent);
    }

    EventBus bus() {
        return bus;
    }

    Conversation conversation() {
        return choice.configure(Conversation.builder().incident(incident).bus(bus)).build();
    }

    int repl(PrintWriter out, PrintWriter err) {
        if (System.console() == null) {
            throw new UsageException("ddx chat needs a terminal", "run it in a terminal, or pass --ask \"QUESTION\" for scripts");
        }
        return Repl.run(conversation(), choice, c -> {
            if (consent.delegate != Consent.ALWAYS) consent.delegate = c;
        }, out, err);
    }
}
