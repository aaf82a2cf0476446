package dev.ddx.backend.logs.read;

import dev.ddx.model.LogEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Logs in logfmt, read by the names structured logs use, as the events a text log of the same would give. */
class LogfmtLinesTest {
    @Test
    void aLineIsItsPairsInOrder() {
        FlatJson o = LogfmtLines.record("time=\"2024-03-01T10:00:00Z\" level=error msg=\"db \\\"main\\\" down\\n\" retries=3 "
                + "debug ratio=0.5 retries=4");
        assertEquals(List.of("time", "level", "msg", "retries", "debug", "ratio"), List.copyOf(o.top.keySet()));
        assertEquals("db \"main\" down\n", o.top.get("msg").text());
        assertEquals(new FlatJson.Value("3", FlatJson.Kind.INT), o.top.get("retries"), "the first of a key given twice");
        assertEquals(new FlatJson.Value("", FlatJson.Kind.STRING), o.top.get("debug"));
        assertEquals(new FlatJson.Value("0.5", FlatJson.Kind.STRING), o.top.get("ratio"));
    }

    @Test
    void aLineOfAnotherShapeIsNoRecord() {
        assertNull(LogfmtLines.record("2024-03-01 10:00:00 INFO user=bob action=login"), "a text log's line with settings in it");
        assertNull(LogfmtLines.record("level=info"), "one pair");
        assertNull(LogfmtLines.record("user=bob action=login"), "no time, level or message");
        assertNull(LogfmtLines.record("level=info msg=\"cut short"), "an unclosed quote");
        assertNull(LogfmtLines.record("level=info msg=\"x\"y"), "text after a quote");
        assertNull(LogfmtLines.record("debug level=info msg=x"), "a record starts with a pair");
    }

    /** logrus's text formatter: time, level, message and caller by name, the error joined to the message, a raw panic as text. */
    @Test
    void aLogrusLogIsReadByTheNamesOfItsFields() throws IOException {
        String log = """
                time="2024-03-01T10:00:00Z" level=info msg="request handled" path=/api/orders/7 duration_ms=12
                time="2024-03-01T10:00:01Z" level=error msg="charge failed" caller=pay.go:42 err="card declined" order=7
                panic: runtime error: index out of range [3] with length 3
                ts=2024-03-01T10:00:02.5Z lvl=warn msg="slow query" took=2.5s
                """;
        assertEquals("logfmt", EnvelopeTest.spec(log));
        assertEquals(HeaderSpec.Records.LOGFMT, HeaderSpec.parse("logfmt").records());
        List<LogEvent> events = EventReaderTest.read(log, Optional.empty());
        assertEquals(List.of("INFO request handled path=/api/orders/7 duration_ms=12",
                        "ERROR charge failed: card declined order=7", " panic: runtime error: index out of range [3] with length 3",
                        "WARN slow query took=2.5s"),
                events.stream().map(e -> e.level() + " " + e.message()).toList());
        assertEquals("pay.go:42", events.get(1).component());
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:02.500Z")), events.get(3).time());
    }
}
