package dev.ddx.transcript;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.event.EventBus;
import dev.langchain4j.model.chat.ChatModel;

import java.util.List;
import java.util.function.BiFunction;

/**
 * What a session runner gets to run a recorded session again: the transcript, the targets
 * (rebuilt when live), how to open a backend on a target (over the recording, or the real
 * debugger), the scripted model, and the bus the replayed events go to.
 *
 * @param backends opens the backend of one target: over the recorded exchanges, or live
 */
public record ReplaySession(Transcript transcript, List<TargetSpec> targets, boolean live, EventBus bus,
                            BackendContext context, ChatModel model,
                            BiFunction<TargetSpec, BackendContext, DebuggerBackend> backends) {
    public ReplaySession {
        targets = List.copyOf(targets);
    }

    /** Opens the backend of {@code target} with the session's context. */
    public DebuggerBackend open(TargetSpec target) {
        return backends.apply(target, context);
    }

    public TranscriptHeader header() {
        return transcript.header();
    }
}
