package dev.ddx.cli;

import dev.ddx.event.EventBus;
import dev.ddx.event.SessionEvent;
import dev.ddx.pattern.Scenarios;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummarizeCommandTest {

    private static int ddx(StringWriter out, StringWriter err, String... args) {
        return Ddx.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void noTargetIsAUsageErrorWithAHint() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, ddx(out, err, "summarize"));
        assertTrue(err.toString().startsWith("ddx: no target given\n  name one:"), err.toString());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, ddx(out, err, "summarize", "--format", "html", "--pid", "1"));
        assertTrue(err.toString().contains("--format"), err.toString());
    }

    @Test
    void aMissingCoreFileIsAUsageErrorWithoutAStackTrace() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, ddx(out, err, "summarize", "--core", "/nonexistent/core.1", "--exe", "/bin/true"));
        assertTrue(err.toString().contains("does not exist") && !err.toString().contains("\tat "), err.toString());
    }

    @Test
    void helpDocumentsTheExitCodes() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, ddx(out, err, "summarize", "--help"));
        assertTrue(out.toString().contains("Exit codes:") && out.toString().contains("3  the target cannot be read"), out.toString());
    }

    @Test
    void aSummaryEmitsStartedFindingsAnswerAndEnded() {
        List<SessionEvent> events = new ArrayList<>();
        EventBus bus = new EventBus(Clock.systemUTC()).add(events::add);
        StringWriter out = new StringWriter();
        int code = SummarizeCommand.run(bus, SummarizeCommand.started(Clock.systemUTC(), "summarize", "test"),
                Scenarios::deadlock, SummarizeCommand.Format.md, new PrintWriter(out));
        assertEquals(0, code);
        assertInstanceOf(SessionEvent.Started.class, events.get(0));
        assertInstanceOf(SessionEvent.FindingRaised.class, events.get(1));
        assertInstanceOf(SessionEvent.Answer.class, events.get(events.size() - 2));
        assertInstanceOf(SessionEvent.Ended.class, events.get(events.size() - 1));
        assertEquals(out.toString(), ((SessionEvent.Answer) events.get(events.size() - 2)).text());
        assertTrue(out.toString().contains("**deadlock**"), out.toString());
    }
}
