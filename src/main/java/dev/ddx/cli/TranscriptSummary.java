package dev.ddx.cli;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.error.UsageException;
import dev.ddx.event.EventBus;
import dev.ddx.model.Snapshot;
import dev.ddx.policy.CommandGate;
import dev.ddx.transcript.Normalizer;
import dev.ddx.transcript.RecordedBackends;
import dev.ddx.transcript.Transcript;
import dev.ddx.transcript.TranscriptReader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code ddx summarize --from-transcript FILE}: the incident summary of a recorded session (a
 * summary or a conversation). The session's first target is opened over its recorded debugger
 * output — no debugger runs, the program need not exist — and summarised as {@code ddx summarize}
 * summarises a live target, in the format asked for. Writes no transcript of its own.
 */
final class TranscriptSummary {
    private TranscriptSummary() {
    }

    static int print(Path file, SummarizeCommand.Format format, PrintWriter out, PrintWriter err) {
        Transcript t = TranscriptReader.read(file);
        t.warnings().forEach(w -> err.println("ddx: warning: " + w));
        err.flush();
        if (t.header().targets().isEmpty()) {
            throw new UsageException("transcript " + file + " names no debugger target to summarise",
                    "ddx replay --explain " + file + " tells what that session did");
        }
        TargetSpec target = t.header().targets().get(0);
        Path project = ReplayRunners.projectDir(file);
        Normalizer n = Normalizer.standard(project, Path.of(System.getProperty("user.home")));
        RecordedBackends recorded = new RecordedBackends(t.events(), n::normalize, project);
        Clock clock = Clock.systemUTC();
        EventBus bus = new EventBus(clock);
        BackendContext ctx = new BackendContext(CommandGate.headless(false), bus, Duration.ofSeconds(30), clock);
        return SummarizeCommand.run(bus, t.header().started(), () -> snapshot(recorded, target, ctx), format, out);
    }

    private static Snapshot snapshot(RecordedBackends recorded, TargetSpec target, BackendContext ctx) {
        try (DebuggerBackend b = recorded.open(target, ctx)) {
            return b.snapshot();
        }
    }
}
