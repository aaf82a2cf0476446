package dev.ddx.repl;

import dev.ddx.agent.Conversation;
import dev.ddx.agent.FixedBackend;
import dev.ddx.agent.Incident;
import dev.ddx.agent.ModelChoice;
import dev.ddx.agent.TestIncidents;
import dev.ddx.event.EventBus;
import dev.ddx.event.SessionEvent;
import dev.ddx.policy.CommandGate;
import dev.ddx.policy.DefaultCommandPolicy;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REPL on a dumb terminal over byte streams: scripted input in, everything it printed out. */
class ReplDumbTerminalTest {
    @TempDir
    Path dir;

    record Run(String output, List<SessionEvent> events, FixedBackend backend, int exit, List<String> asked) {
    }

    private Run run(String input, String consentAnswer) throws Exception {
        return run(input, false);
    }

    private Run run(String input, boolean standardAnalysis) throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        FixedBackend[] backend = new FixedBackend[1];
        // the gate asks the REPL's consent (a y/N line read from the same input)
        Repl[] repl = new Repl[1];
        CommandGate gate = new CommandGate(new DefaultCommandPolicy(), (d, c, r) -> {
            asked.add(c);
            return repl[0].consent().approve(d, c, r);
        });
        Incident incident = standardAnalysis ? TestIncidents.crashAnalysed(gate, backend) : TestIncidents.crash(gate, backend);
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        EventBus bus = new EventBus(Clock.systemUTC()).add(events::add);
        Conversation c = Conversation.builder().incident(incident).bus(bus).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (DumbTerminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                bytes, StandardCharsets.UTF_8)) {
            ModelChoice offline = ModelChoice.resolve("offline", Map.of("HOME", dir.toString()));
            repl[0] = new Repl(t, c, offline, dir.resolve("history"));
            exit = repl[0].loop();
        }
        return new Run(bytes.toString(StandardCharsets.UTF_8), events, backend[0], exit, asked);
    }

    private static String firstNext() {
        return TestIncidents.crash(CommandGate.headless(false), new FixedBackend[1]).nextCommands().get(0).command();
    }

    @Test
    void aQuestionIsAnsweredWithPatternsNextCommandAndTokens() throws Exception {
        Run r = run("why did it crash?\n/quit\n", "");
        assertTrue(r.output().contains("ddx chat — test snapshot of ./server"), r.output());
        assertTrue(r.output().contains("The bad pointer: `a->b2` = 0x0"), r.output());
        assertTrue(r.output().contains("Patterns:\n- crash:"), r.output());
        assertTrue(r.output().contains("── offline · "), r.output());
        assertTrue(r.output().contains("next: " + firstNext() + "  — Alt-N or /next runs it"), r.output());
        assertTrue(r.output().contains("tokens (estimated)"), r.output());
        assertEquals(0, r.exit());
        assertTrue(Files.readString(dir.resolve("history")).contains("why did it crash?"), "the question is in the history file");
    }

    @Test
    void summaryPrintsTheIncidentSummaryThatSummarizeWouldPrint() throws Exception {
        Run r = run("/summary\n/quit\n", true);
        assertTrue(r.output().contains("# ddx summary: "), r.output());
        assertTrue(r.output().contains("Signature: `crash/SIGSEGV/"), r.output());
        assertTrue(r.output().contains("## Next commands"), r.output());
    }

    @Test
    void slashCommandsPrintTheEvidence() throws Exception {
        Run r = run("/threads\n/bt 2\n/frame 0\n/findings\n/pattern crash\n/patterns hang\n/help\n/nonsense\n/quit\n", "");
        String o = r.output();
        assertTrue(o.contains("2 threads in 2 stack trace sets"), o);
        assertTrue(o.contains("thread 2 \"idle\" (LWP 4243) [waiting]"), o);
        assertTrue(o.contains("#2 idle_loop at server.c:30"), o);
        assertTrue(o.contains("no arguments or locals were collected"), o);
        assertTrue(o.contains("crash (confidence 1.00): SIGSEGV in parse_header"), o);
        assertTrue(o.contains("crash — Crash (elementary)"), o);
        assertTrue(o.contains("/run COMMAND"), o);
        assertTrue(o.contains("ddx: unknown command /nonsense; /help lists the commands"), o);
    }

    @Test
    void runAsksBeforeAnUnsafeCommandAndRunsReadOnlyOnesAtOnce() throws Exception {
        Run r = run("/run info registers\n/run shell rm -rf ~\nn\n/run call abort()\ny\n/quit\n", "");
        assertEquals(List.of("info registers", "call abort()"), r.backend().ran, "the refused command never ran");
        assertEquals(List.of("shell rm -rf ~", "call abort()"), r.asked());
        assertTrue(r.output().contains("rip 0x401136 <parse_header+22>"), r.output());
        assertTrue(r.output().contains("ddx: refused gdb command 'shell rm -rf ~': runs a shell command"), r.output());
    }

    @Test
    void nextRunsTheProposedCommandAndSaveWritesTheConversation() throws Exception {
        Path saved = dir.resolve("chat.md");
        Run r = run("what should I run next?\n/next\n/save " + saved + "\n", "");
        assertEquals(List.of(firstNext()), r.backend().ran);
        assertTrue(r.output().contains("gdb> " + firstNext()), r.output());
        String md = Files.readString(saved);
        assertTrue(md.contains("## what should I run next?"), md);
        assertFalse(r.events().isEmpty());
        assertTrue(r.events().stream().anyMatch(e -> e instanceof SessionEvent.UserInput u && u.text().equals("/next")));
        assertEquals(0, r.exit(), "end of input leaves like Ctrl-D");
    }
}
