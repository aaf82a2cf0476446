package dev.ddx.repl;

import dev.ddx.agent.Answer;
import dev.ddx.agent.Conversation;
import dev.ddx.agent.DebuggerTools;
import dev.ddx.agent.ModelChoice;
import dev.ddx.agent.NextCommand;
import dev.ddx.agent.PatternTools;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.catalog.PatternEntry;
import dev.ddx.error.CommandRefusedException;
import dev.ddx.error.DdxException;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetThread;
import dev.ddx.report.IncidentReport;
import dev.ddx.report.MarkdownRenderer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The REPL's {@code /} commands. Each writes to the injected writer only; errors are one line
 * ({@code ddx: …}) and the session goes on.
 */
final class ReplCommands {
    /** A command and its one-line help. */
    record Spec(String name, String args, String help) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("/help", "", "this list"),
            new Spec("/threads", "", "every thread, identical stacks grouped"),
            new Spec("/bt", "[THREAD]", "a thread's stack (default: the faulting or current thread)"),
            new Spec("/frame", "N", "select frame N of the current thread and show its locals"),
            new Spec("/locals", "", "the locals of the current frame"),
            new Spec("/modules", "[FILTER]", "loaded modules"),
            new Spec("/findings", "", "the patterns detected, with their evidence"),
            new Spec("/patterns", "[QUERY]", "the catalog, or the patterns matching QUERY"),
            new Spec("/pattern", "ID", "one catalog pattern: meaning, signals, commands, fixes"),
            new Spec("/run", "COMMAND", "run a debugger command (commands that change things ask first)"),
            new Spec("/next", "", "run the command the last answer proposed (also Alt-N)"),
            new Spec("/summary", "", "the incident summary, as ddx summarize prints it"),
            new Spec("/model", "[NAME]", "show the model, or switch: offline, openai:M, anthropic:M, ollama:M"),
            new Spec("/save", "[FILE]", "save this conversation as Markdown"),
            new Spec("/quit", "", "leave (also Ctrl-D)"));

    private final Conversation conversation;
    private final PrintWriter out;
    private final ModelChoice initial;
    private final List<Answer> answers = new ArrayList<>();
    private final Optional<DebuggerTools> debugger;
    private final PatternTools patterns;
    private String thread = "";
    private int frame;
    private Optional<NextCommand> next = Optional.empty();

    ReplCommands(Conversation conversation, ModelChoice initial, PrintWriter out) {
        this.conversation = conversation;
        this.initial = initial;
        this.out = out;
        this.debugger = conversation.incident().primary().map(b -> new DebuggerTools(conversation.incident()));
        this.patterns = new PatternTools(conversation.incident());
    }

    void answered(Answer a) {
        answers.add(a);
        if (!a.next().isEmpty()) next = Optional.of(a.next().get(0));
    }

    Optional<NextCommand> next() {
        return next;
    }

    /** Runs one /command; returns false when the session should end. */
    boolean run(String line) {
        String cmd = line.strip();
        int sp = cmd.indexOf(' ');
        String name = sp < 0 ? cmd : cmd.substring(0, sp);
        String arg = sp < 0 ? "" : cmd.substring(sp + 1).strip();
        try {
            switch (name) {
                case "/quit", "/exit", "/q" -> { return false; }
                case "/help", "/?" -> help();
                case "/threads" -> print(tools().listThreads());
                case "/bt" -> bt(arg);
                case "/frame" -> frame(arg);
                case "/locals" -> print(tools().frameLocals(thread, frame));
                case "/modules" -> print(tools().modules(arg));
                case "/findings" -> print(patterns.findings());
                case "/patterns" -> patternList(arg);
                case "/pattern" -> print(arg.isEmpty() ? "ddx: /pattern needs an id; Tab lists them" : patterns.pattern(arg));
                case "/run" -> runCommand(arg);
                case "/next" -> runNext();
                case "/summary" -> summary();
                case "/model" -> model(arg);
                case "/save" -> save(arg);
                default -> print("ddx: unknown command " + name + "; /help lists the commands");
            }
        } catch (DdxException e) {
            print("ddx: " + e.getMessage() + (e.hint().isEmpty() ? "" : "\n  " + e.hint()));
        }
        return true;
    }

    private DebuggerTools tools() {
        return debugger.orElseThrow(() -> new dev.ddx.error.UsageException("this session has no debugger target, only logs"));
    }

    private void help() {
        StringBuilder b = new StringBuilder("Type a question, or a command:\n");
        for (Spec s : SPECS) b.append(String.format("  %-22s %s%n", s.name() + (s.args().isEmpty() ? "" : " " + s.args()), s.help()));
        b.append("Keys: Tab completes, Up/Down browse history, Ctrl-C cancels an answer, Ctrl-D leaves, Alt-N runs the proposed command.");
        print(b.toString());
    }

    private void bt(String arg) {
        String t = arg.isEmpty() ? thread : arg;
        print(tools().backtrace(t));
        thread = t;
        frame = 0;
    }

    private void frame(String arg) {
        try {
            int n = Integer.parseInt(arg.replace("#", ""));
            String text = tools().frameLocals(thread, n);
            frame = n;
            print(text);
        } catch (NumberFormatException e) {
            print("ddx: /frame needs a frame number, e.g. /frame 2");
        }
    }

    private void patternList(String query) {
        if (!query.isEmpty()) {
            print(patterns.searchPatterns(query, 8));
            return;
        }
        StringBuilder b = new StringBuilder();
        for (PatternEntry e : conversation.incident().catalog().all()) b.append(String.format("%-26s %s%n", e.id(), e.name()));
        print(b.toString().stripTrailing());
    }

    void runCommand(String command) {
        if (command.isEmpty()) {
            print("ddx: /run needs a debugger command, e.g. /run info threads");
            return;
        }
        DebuggerBackend b = conversation.incident().primary()
                .orElseThrow(() -> new dev.ddx.error.UsageException("this session has no debugger to run commands in"));
        try {
            print(b.execute(command).stripTrailing());
            conversation.incident().refresh();
        } catch (CommandRefusedException e) {
            print("ddx: " + e.getMessage() + "\n  " + e.hint());
        }
    }

    private void runNext() {
        if (next.isEmpty()) {
            print("ddx: no command has been proposed yet; ask a question first");
            return;
        }
        print(conversation.incident().primary().map(DebuggerBackend::debugger).orElse("") + "> " + next.get().command());
        runCommand(next.get().command());
    }

    private void summary() {
        Optional<String> report = conversation.incident().analysis()
                .map(a -> new MarkdownRenderer().render(IncidentReport.of(a)));
        if (report.isPresent()) {
            // the incident report `ddx summarize` renders for the same snapshot (in full, even for a program that exited normally)
            print(report.get().stripTrailing());
            return;
        }
        StringBuilder b = new StringBuilder(conversation.incident().describe()).append('\n');
        conversation.incident().snapshot().map(Snapshot::threads).ifPresent(ts -> b.append(ts.size()).append(" threads; ")
                .append(conversation.incident().snapshot().flatMap(Snapshot::faultingThread).map(TargetThread::label)
                        .map(l -> "the fault is on " + l).orElse("no faulting thread")).append('\n'));
        b.append(patterns.findings()).append("\nNext:\n");
        for (NextCommand c : conversation.incident().nextCommands()) b.append("  ").append(c.command()).append(" — ").append(c.reason()).append('\n');
        print(b.toString().stripTrailing());
    }

    private void model(String arg) {
        if (arg.isEmpty()) {
            print("model: " + conversation.modelName() + "  (switch with /model offline | openai:M | anthropic:M | ollama:M)");
            return;
        }
        ModelChoice c = ModelChoice.of(arg, initial.config(), initial.env());
        conversation.useModel(c.name(), c.chatModel(), c.streamingModel());
        if (!c.offline()) conversation.secretMasker().addSecretsFromEnvironment(initial.env());
        print("model: " + conversation.modelName());
    }

    private void save(String arg) {
        Path p = Path.of(arg.isEmpty() ? "ddx-chat-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(java.time.LocalDateTime.now(conversation.bus().clock())) + ".md" : arg);
        StringBuilder b = new StringBuilder("# ddx chat: ").append(conversation.incident().describe()).append("\n\n");
        for (Answer a : answers) {
            b.append("## ").append(a.question()).append("\n\n").append(a.text()).append("\n\n_").append(a.model())
                    .append(", ").append(a.usage().total()).append(" tokens_\n\n");
        }
        try {
            Files.writeString(p, b.toString());
            print("saved " + answers.size() + " answers to " + p);
        } catch (IOException e) {
            print("ddx: cannot write " + p + ": " + e.getMessage());
        }
    }

    private void print(String s) {
        synchronized (out) {
            out.println(s);
            out.flush();
        }
    }
}
