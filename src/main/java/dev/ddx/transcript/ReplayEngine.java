package dev.ddx.transcript;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.Backends;
import dev.ddx.backend.TargetSpec;
import dev.ddx.error.DdxException;
import dev.ddx.event.EventBus;
import dev.ddx.event.SessionEvent;
import dev.ddx.policy.CommandGate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs a recorded session again and compares it with the recording. Model turns always come from
 * the recording ({@link ScriptedChatModel}); debugger replies come from the recorded exchanges
 * ({@link RecordedTransport}) or, live, from the real debugger on the rebuilt target
 * ({@link LiveScenario}). What the replay did that the recording did not — an unexpected model
 * request, a debugger command with no recorded reply, a failure — becomes an error event, so it
 * shows in the diff.
 */
public final class ReplayEngine {

    /** Re-runs one kind of session ("summarize", "chat") on what a {@link ReplaySession} provides. */
    @FunctionalInterface
    public interface SessionRunner {
        void run(ReplaySession session);
    }

    /** The outcome of one replay: the events it produced and how they compare with the recording. */
    public record Result(Transcript recording, List<SessionEvent> events, TranscriptComparator.Comparison comparison,
                         boolean live) {
        public Result {
            events = List.copyOf(events);
        }
    }

    private final Map<String, SessionRunner> runners;
    private final Path projectDir;
    private final Clock clock;

    /**
     * @param runners    by session mode (the header's {@code mode})
     * @param projectDir where scenario sources and relative target paths are found
     */
    public ReplayEngine(Map<String, SessionRunner> runners, Path projectDir, Clock clock) {
        this.runners = Map.copyOf(runners);
        this.projectDir = projectDir;
        this.clock = clock;
    }

    /** The project the replay runs in: scenario sources, relative targets, and what {@code <project>} stands for. */
    public Path projectDir() {
        return projectDir;
    }

    /** The normaliser replay compares with. */
    public Normalizer normalizer() {
        return Normalizer.standard(projectDir, Path.of(System.getProperty("user.home")));
    }

    /** Why {@code t} cannot be replayed live here, or empty. */
    public java.util.Optional<String> liveUnavailable(Transcript t) {
        return new LiveScenario(projectDir).unavailable(t.header());
    }

    private static List<SessionEvent> snapshot(List<SessionEvent> events) {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /** Every event as its transcript line: where native thread ids of the session are named. */
    private static List<String> texts(List<SessionEvent> events) {
        TranscriptCodec codec = new TranscriptCodec(UnaryOperator.identity());
        List<String> out = new ArrayList<>();
        for (SessionEvent e : events) out.add(codec.eventLine(e));
        return out;
    }

    /** Replays {@code t}, from the recording or live. */
    public Result replay(Transcript t, boolean live) {
        SessionRunner runner = runners.get(t.header().mode());
        if (runner == null) {
            throw new MalformedTranscriptException("transcript " + t.file() + ", line 1: ddx cannot replay a '"
                    + t.header().mode() + "' session", "ddx replays summarize and chat sessions");
        }
        Normalizer normalizer = normalizer();
        UnaryOperator<String> norm = s -> normalizer.withSessionIds(List.of(s)).normalize(s);
        List<SessionEvent> got = Collections.synchronizedList(new ArrayList<>());
        EventBus bus = new EventBus(clock).add(got::add);
        Normalizer recordedIds = normalizer.withSessionIds(texts(t.events()));
        UnaryOperator<String> replayedIds = s -> {
            List<String> seen = texts(snapshot(got));
            seen.add(s);
            return normalizer.withSessionIds(seen).normalize(s);
        };
        ScriptedChatModel model = new ScriptedChatModel(ScriptedChatModel.turns(t.events()), recordedIds::normalize,
                replayedIds);
        RecordedBackends recorded = new RecordedBackends(t.events(), norm, projectDir);
        BackendContext ctx = new BackendContext(CommandGate.headless(t.header().hasOption("--allow-unsafe")), bus,
                Duration.ofSeconds(60), clock);
        try (LiveScenario scenario = new LiveScenario(projectDir)) {
            List<TargetSpec> targets = live ? scenario.rebuild(t.header()) : t.header().targets();
            ReplaySession session = new ReplaySession(t, targets, live, bus, ctx, model,
                    live ? Backends::open : recorded::open);
            runner.run(session);
        } catch (DdxException | IllegalStateException | IllegalArgumentException | UnsupportedOperationException ex) {
            got.add(new SessionEvent.Error(clock.instant(), "replay", String.valueOf(ex.getMessage())));
        }
        for (String s : model.surprises()) got.add(new SessionEvent.Error(clock.instant(), "replay", s));
        // a command the recording has no reply to is not drift by itself: when it matters, its
        // failure shows in a tool result, a finding or an error the session reports
        if (model.unused() > 0 && model.surprises().isEmpty()) {
            got.add(new SessionEvent.Error(clock.instant(), "replay", "the recording has " + model.unused()
                    + " more model turn(s) the replay never asked for"));
        }
        TranscriptComparator cmp = new TranscriptComparator(normalizer, TranscriptMasks.session(projectDir))
                .scope(live ? TranscriptComparator.Scope.FINDINGS : TranscriptComparator.Scope.FULL);
        return new Result(t, got, cmp.compare(t.events(), got), live);
    }
}
