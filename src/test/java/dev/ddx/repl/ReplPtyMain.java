package dev.ddx.repl;

import dev.ddx.agent.Conversation;
import dev.ddx.agent.FixedBackend;
import dev.ddx.agent.Incident;
import dev.ddx.agent.ModelChoice;
import dev.ddx.agent.OfflineAnalyst;
import dev.ddx.agent.TestIncidents;
import dev.ddx.event.EventBus;
import dev.ddx.policy.CommandGate;
import dev.ddx.policy.Consent;
import dev.ddx.policy.DefaultCommandPolicy;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Runs the REPL on the real terminal over the hand-built crash incident, for the tmux test. The
 * model is the offline analyst, except that a question containing "slowly" takes a minute (so
 * Ctrl-C can cancel it).
 */
public final class ReplPtyMain {
    private ReplPtyMain() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        final Consent[] consent = {Consent.NEVER};
        CommandGate gate = new CommandGate(new DefaultCommandPolicy(), (d, c, r) -> consent[0].approve(d, c, r));
        Incident incident = TestIncidents.crash(gate, new FixedBackend[1]);
        OfflineAnalyst offline = new OfflineAnalyst(incident);
        ChatModel slow = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest r) {
                boolean slowly = r.messages().stream().anyMatch(m -> m instanceof UserMessage u && u.hasSingleText()
                        && u.singleText().contains("slowly"));
                if (slowly) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted");
                    }
                }
                return offline.chat(r);
            }
        };
        Conversation c = Conversation.builder().incident(incident).bus(new EventBus(Clock.systemUTC()))
                .model("test:slow", slow).fallbackToOffline(false).build();
        ModelChoice choice = ModelChoice.resolve("offline", Map.of("HOME", home.toString()));
        int exit = Repl.run(c, choice, k -> consent[0] = k, new PrintWriter(System.out), new PrintWriter(System.err));
        System.exit(exit);
    }
}
