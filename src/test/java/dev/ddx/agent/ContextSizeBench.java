package dev.ddx.agent;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.gdb.GdbBackend;
import dev.ddx.catalog.Catalog;
import dev.ddx.event.EventBus;
import dev.ddx.event.SessionEvent;
import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens sent to a model for "what is blocking?" on a core of 64 blocked threads (32 waiting for
 * a mutex the main thread holds, 31 on a condition): ddx's compacted tool output against the raw
 * {@code thread apply all bt} text. Tokens are estimated as characters / 4 for both.
 */
@Tag("bench")
class ContextSizeBench {

    @Test
    void ddxSendsAtLeastTenTimesFewerTokensThanTheRawBacktracesWithTheSameFacts() {
        NativeScenarios.assumeToolchain();
        TargetSpec.Core spec = new TargetSpec.Core(NativeScenarios.coreOfRunning("threads64", Duration.ofSeconds(2)),
                NativeScenarios.binary("threads64"));
        try (DebuggerBackend gdb = GdbBackend.open(spec, BackendContext.headless())) {
            String raw = gdb.execute("thread apply all bt");
            List<SessionEvent> events = new CopyOnWriteArrayList<>();
            Incident incident = new Incident(List.of(gdb), Optional.empty(), Catalog.load(), null, Optional.empty());
            Conversation c = Conversation.builder().incident(incident).bus(new EventBus(Clock.systemUTC()).add(events::add)).build();
            Answer a = c.ask("what is blocking?");
            StringBuilder context = new StringBuilder();
            for (SessionEvent e : events) {
                if (e instanceof SessionEvent.ToolResult r) context.append(r.result()).append('\n');
            }
            int rawTokens = Usage.estimate(raw);
            int ddxTokens = Usage.estimate(context.toString());
            System.out.printf("64-thread core, \"what is blocking?\": raw `thread apply all bt` %d chars ≈ %d tokens; "
                    + "ddx tool output %d chars ≈ %d tokens; %.1fx fewer (tokens = chars/4)%n",
                    raw.length(), rawTokens, context.length(), ddxTokens, (double) rawTokens / ddxTokens);
            System.out.println(context);
            assertTrue(rawTokens >= 10 * ddxTokens, rawTokens + " vs " + ddxTokens);
            // the same facts: the blocked threads, the lock they wait for and its holder
            String ctx = context.toString();
            assertTrue(ctx.contains("pool_lock"), "the contended lock is named");
            assertTrue(ctx.contains("held by thread 1"), "its holder is named");
            assertTrue(ctx.contains("take_pool") && ctx.contains("wait_queue"), "both groups of threads are shown");
            assertTrue(ctx.contains("64 threads"), "every thread is accounted for");
            assertTrue(a.text().contains("Patterns:"));
        }
    }
}
