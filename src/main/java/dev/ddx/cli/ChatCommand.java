package dev.ddx.cli;

import dev.ddx.agent.Answer;
import dev.ddx.agent.Conversation;
import dev.ddx.event.SessionEvent;
import dev.ddx.policy.CommandGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ddx chat}: a conversation about an incident — in a terminal (the REPL), or headless with
 * {@code --ask} for scripts and CI, where each answer is printed in turn.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Talk about an incident with the assistant (a REPL), or answer --ask questions and exit.")
public final class ChatCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    TranscriptOptions transcript = new TranscriptOptions();

    @Option(names = "--log", paramLabel = "FILE", description = "A log file to include (repeatable; combinable with a debugger target).")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--model", paramLabel = "M",
            description = "offline (the built-in analyst), openai:MODEL, anthropic:MODEL or ollama:MODEL. Default: the config file, else offline.")
    String model;

    @Option(names = "--ask", paramLabel = "QUESTION", description = "Answer this question without a terminal and print the answer (repeatable).")
    List<String> ask = new ArrayList<>();

    @Option(names = "--allow-unsafe", description = "Let commands that can change the target or the machine run without asking.")
    boolean allowUnsafe;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean headless = !ask.isEmpty();
        ChatSession session = ChatSession.open(target, logs, model, transcript,
                headless ? CommandGate.headless(allowUnsafe) : null, allowUnsafe, err);
        if (headless) return askAll(session, out, err);
        return session.repl(out, err);
    }

    private int askAll(ChatSession session, PrintWriter out, PrintWriter err) {
        session.bus().add(e -> {
            if (e instanceof SessionEvent.Notice n) {
                err.println("ddx: " + n.text());
                err.flush();
            }
        });
        int exit = 0;
        try (Conversation c = session.conversation()) {
            for (String q : ask) {
                Answer a = c.ask(q);
                out.println("> " + q);
                out.println(a.text());
                out.println();
                out.flush();
                if (a.outcome() == Answer.Outcome.SESSION_ENDED) {
                    exit = 1;
                    break;
                }
            }
        }
        return exit;
    }
}
