package dev.ddx.agent;

import dev.ddx.event.EventBus;
import dev.ddx.event.SessionEvent;
import dev.ddx.policy.CommandGate;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private Conversation conversation(Incident incident, List<SessionEvent> events) {
        EventBus bus = new EventBus(clock).add(events::add);
        return Conversation.builder().incident(incident).bus(bus).build();
    }

    @Test
    void whyDidItCrashExplainsTheBadPointerAndEndsInTheAnswerShape() {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        Conversation c = conversation(Scenarios.incident(Scenarios.crash(), List.of(Scenarios.crashFinding()), null,
                CommandGate.headless(false)), events);
        Answer a = c.ask("why did it crash?");
        System.out.println(a.text());
        assertTrue(a.text().contains("SIGSEGV"), a.text());
        assertTrue(a.text().contains("`a->b2` = 0x0"), a.text());
        assertTrue(a.text().contains("parse_header at parser.c:42"), a.text());
        int p = a.text().indexOf("Patterns:"), n = a.text().indexOf("Next:"), f = a.text().indexOf("Fix:");
        assertTrue(p > 0 && n > p && f > n, a.text());
        assertTrue(a.patterns().contains("crash"));
        assertEquals(Answer.Outcome.ANSWERED, a.outcome());
        assertFalse(a.next().isEmpty());
        assertTrue(events.stream().anyMatch(e -> e instanceof SessionEvent.ToolCall t && t.name().equals("exception_info")));
        assertTrue(events.stream().anyMatch(e -> e instanceof SessionEvent.FindingRaised));
        assertTrue(events.stream().anyMatch(e -> e instanceof SessionEvent.ModelResponse r && r.inputTokens() > 0));
        assertTrue(events.get(events.size() - 1) instanceof SessionEvent.Answer);
    }

    @Test
    void whatIsThreadTwoWaitingForNamesTheLockAndItsHolder() {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        Conversation c = conversation(Scenarios.incident(Scenarios.deadlock(5), List.of(Scenarios.deadlockFinding()), null,
                CommandGate.headless(false)), events);
        Answer a = c.ask("what is thread 2 waiting for?");
        System.out.println(a.text());
        assertTrue(a.text().contains("waits for pthread_mutex 0x4040e0 (lock_b) in transfer_ab at dl.c:14"), a.text());
        assertTrue(a.text().contains("held by thread 3 (which is in transfer_ba at dl.c:24)"), a.text());
        if (c.incident().catalog().contains("deadlock")) assertTrue(a.patterns().contains("deadlock"), a.text());
    }

    @Test
    void showThreadGivesItsStackAndUnknownQuestionsGetAnHonestOffer() {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        Conversation c = conversation(Scenarios.incident(Scenarios.crash(), List.of(Scenarios.crashFinding()), null,
                CommandGate.headless(false)), events);
        Answer t = c.ask("show thread 2");
        assertTrue(t.text().startsWith("thread 2 \"idle\" (LWP 4243) [waiting]"), t.text());
        assertTrue(t.text().contains("#2 idle_loop at server.c:30"), t.text());
        Answer u = c.ask("what is the airspeed of an unladen swallow?");
        assertTrue(u.text().startsWith("I can't answer that from the evidence I have. I can show you:"), u.text());
        assertTrue(u.text().contains("/run COMMAND"), u.text());
        int p = u.text().indexOf("Patterns:"), n = u.text().indexOf("Next:"), f = u.text().indexOf("Fix:");
        assertTrue(p > 0 && n > p && f > n, u.text());
    }

    @Test
    void compareWithTheLastRunSaysWhatIsNewAndWhatIsGone() {
        Incident incident = new Incident(Scenarios.incident(Scenarios.crash(), List.of(Scenarios.crashFinding()), null,
                CommandGate.headless(false)).backends(), java.util.Optional.empty(), dev.ddx.catalog.Catalog.load(),
                s -> List.of(Scenarios.crashFinding()), java.util.Optional.of(new PreviousRun("run-1.jsonl", "2026-01-01T00:00:00Z",
                "", List.of("hang"))));
        Answer a = conversation(incident, new CopyOnWriteArrayList<>()).ask("compare with the last run");
        assertTrue(a.text().contains("new since then: crash"), a.text());
        assertTrue(a.text().contains("gone since then: hang"), a.text());
    }

    @Test
    void aDeadDebuggerEndsTheSessionCleanly() {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        FixedBackend[] b = new FixedBackend[1];
        Conversation c = conversation(Scenarios.incident(Scenarios.crash(), List.of(Scenarios.crashFinding()), b,
                CommandGate.headless(false)), events);
        b[0].dead = true;
        Answer a = Conversation.builder().incident(c.incident()).bus(c.bus()).model("test:runs-bt", new dev.langchain4j.model.chat.ChatModel() {
            @Override
            public dev.langchain4j.model.chat.response.ChatResponse doChat(dev.langchain4j.model.chat.request.ChatRequest r) {
                return dev.langchain4j.model.chat.response.ChatResponse.builder().aiMessage(dev.langchain4j.data.message.AiMessage.from(
                        List.of(dev.langchain4j.agent.tool.ToolExecutionRequest.builder().id("1").name("run_debugger_command")
                                .arguments("{\"command\":\"bt\"}").build()))).build();
            }
        }).fallbackToOffline(false).build().ask("why?");
        assertEquals(Answer.Outcome.SESSION_ENDED, a.outcome(), a.text());
        assertTrue(a.text().contains("the debugger died: gdb exited unexpectedly"), a.text());
        assertTrue(events.stream().anyMatch(e -> e instanceof SessionEvent.Error err && err.who().equals("session")));
    }
}
