package dev.ddx.repl;

import dev.ddx.agent.Answer;
import dev.ddx.agent.Conversation;
import dev.ddx.agent.ModelChoice;
import dev.ddx.agent.NextCommand;
import dev.ddx.agent.Usage;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.catalog.PatternEntry;
import dev.ddx.event.SessionEvent;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetThread;
import dev.ddx.policy.Consent;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The terminal conversation of {@code ddx chat}: a plain line is a question, a line starting with
 * {@code /} is a command. Answers stream as they arrive, a spinner names what runs meanwhile,
 * Ctrl-C cancels the answer in flight (the session goes on), Ctrl-D or /quit leaves. Writes only
 * to its terminal.
 */
public final class Repl {
    private final Terminal terminal;
    private final Conversation conversation;
    private final LineReader reader;
    private final PrintWriter out;
    private final ReplCommands commands;
    private final Spinner spinner;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ddx-answer");
        t.setDaemon(true);
        return t;
    });

    /**
     * A REPL on {@code terminal}; {@code history} is the history file (null: none). The caller
     * installs {@link #consent()} in the session's command gate.
     */
    public Repl(Terminal terminal, Conversation conversation, ModelChoice model, Path history) {
        this.terminal = terminal;
        this.conversation = conversation;
        this.out = terminal.writer();
        this.commands = new ReplCommands(conversation, model, out);
        boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        this.spinner = new Spinner(out, !dumb);
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("ddx")
                .completer(new ReplCompleter(this::patternIds, this::threadIds, this::debuggerCommands,
                        () -> List.of("offline", "openai:", "anthropic:", "ollama:")))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        if (history != null) b.variable(LineReader.HISTORY_FILE, history);
        this.reader = b.build();
        reader.getWidgets().put("ddx-run-next", this::runNextWidget);
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("ddx-run-next"), KeyMap.alt('n'));
        conversation.bus().add(spinner);
    }

    /** Asks the user at this terminal; install it in the session's command gate. */
    public Consent consent() {
        return new TerminalConsent(reader, spinner::stop);
    }

    /** Runs the REPL on the process's terminal until /quit or Ctrl-D; returns the exit code. */
    public static int run(Conversation conversation, ModelChoice choice, Consumer<Consent> installConsent,
                          PrintWriter out, PrintWriter err) {
        try (Terminal t = TerminalBuilder.builder().system(true).build()) {
            Repl repl = new Repl(t, conversation, choice, historyFile(System.getenv()));
            installConsent.accept(repl.consent());
            return repl.loop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            conversation.close();
        }
    }

    /** {@code $XDG_STATE_HOME/ddx/history}, else {@code ~/.local/state/ddx/history}. */
    public static Path historyFile(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        Path p = base.resolve("ddx").resolve("history");
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            return null; // no history rather than no REPL
        }
        return p;
    }

    /** Reads and answers until /quit or end of input; returns 0, or 1 when the debugger died. */
    public int loop() {
        greet();
        try {
            while (!conversation.ended()) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt clears the line
                } catch (EndOfFileException e) {
                    break;
                }
                if (line == null) break;
                line = line.strip();
                if (line.isEmpty()) continue;
                if (line.startsWith("/")) {
                    conversation.bus().on(new SessionEvent.UserInput(conversation.bus().clock().instant(), line));
                    if (!commands.run(line)) break;
                } else {
                    answer(line);
                }
            }
        } finally {
            worker.shutdownNow();
            reader.getTerminal().flush();
        }
        return conversation.ended() ? 1 : 0;
    }

    private void greet() {
        println("ddx chat — " + conversation.incident().describe() + " — model " + conversation.modelName());
        println("Ask a question, or /help. Ctrl-C cancels an answer, Ctrl-D leaves.");
    }

    private String prompt() {
        return "ddx> ";
    }

    private void answer(String question) {
        spinner.start("thinking…");
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> conversation.cancel());
        Future<Answer> f = worker.submit(() -> conversation.ask(question, this::part));
        Answer a;
        try {
            a = f.get();
        } catch (InterruptedException e) {
            conversation.cancel();
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            spinner.stop();
            println("ddx: " + e.getCause());
            return;
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
        spinner.stop();
        footer(a);
    }

    private void part(String text) {
        spinner.stop();
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    private void footer(Answer a) {
        if (a.outcome() == Answer.Outcome.CANCELLED) {
            println("\n(answer cancelled)");
            return;
        }
        commands.answered(a);
        println("");
        println("── " + usage(a));
        if (a.outcome() != Answer.Outcome.SESSION_ENDED) {
            commands.next().ifPresent(n -> println("next: " + n.command() + "  — Alt-N or /next runs it"));
        }
    }

    static String usage(Answer a) {
        Usage u = a.usage();
        String cost = a.costUsd().map(c -> String.format(Locale.ROOT, " · $%.4f", c)).orElse("");
        return a.model() + " · " + u.inputTokens() + " in / " + u.outputTokens() + " out tokens"
                + (u.estimated() ? " (estimated)" : "") + cost
                + (a.outcome() == Answer.Outcome.FELL_BACK ? " · the configured model failed" : "");
    }

    private boolean runNextWidget() {
        Optional<NextCommand> n = commands.next();
        if (n.isEmpty()) return true;
        reader.getBuffer().clear();
        reader.getBuffer().write("/run " + n.get().command());
        reader.callWidget(LineReader.ACCEPT_LINE);
        return true;
    }

    private List<String> patternIds() {
        return conversation.incident().catalog().all().stream().map(PatternEntry::id).toList();
    }

    private List<String> threadIds() {
        try {
            return conversation.incident().snapshot().map(Snapshot::threads).orElse(List.of()).stream().map(TargetThread::id).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private List<String> debuggerCommands() {
        return conversation.incident().primary().map(DebuggerBackend::commandNames).orElse(List.of());
    }

    private void println(String s) {
        synchronized (out) {
            out.println(s);
            out.flush();
        }
    }
}
