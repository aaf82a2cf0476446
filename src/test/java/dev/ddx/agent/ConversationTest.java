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
}
