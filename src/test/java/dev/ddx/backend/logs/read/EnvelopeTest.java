package dev.ddx.backend.logs.read;

import dev.ddx.model.LogEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logs a container runtime wrote: each line taken out of its envelope and read with its own header. */
class EnvelopeTest {
    /** Kubernetes' CRI format (/var/log/containers): a Java service's lines, its trace a record per line, a line in two parts. */
    @Test
    void aCriLogIsReadByTheHeaderOfItsLines() throws IOException {
        String log = """
                2024-03-01T10:00:00.111111111Z stdout F 2024-03-01 10:00:00,100 INFO [main] app.Server: started
                2024-03-01T10:00:01.111111111Z stderr F 2024-03-01 10:00:01,000 ERROR [http-1] app.Orders: order 7 failed
                2024-03-01T10:00:01.111111112Z stderr F java.lang.IllegalStateException: no stock
                2024-03-01T10:00:01.111111113Z stderr F \tat app.Orders.ship(Orders.java:88)
                2024-03-01T10:00:02.111111111Z stdout P 2024-03-01 10:00:02,000 WARN [main] app.Cache: a long line cut by the runtime,\s
                2024-03-01T10:00:02.111111112Z stdout F joined again
                2024-03-01T10:00:03.500000000Z stdout F plain text without a header of its own
                """;
        assertEquals("cri: <Timestamp> <Level> [<Thread>] <Component>: <Content>", spec(log));
        List<LogEvent> events = EventReaderTest.read(log, Optional.empty());
        assertEquals(List.of("INFO", "ERROR", "WARN"), events.stream().map(LogEvent::level).toList());
        LogEvent failed = events.get(1);
        assertEquals(List.of(2, 4), List.of(failed.firstLine(), failed.lastLine()));
        assertEquals("order 7 failed\njava.lang.IllegalStateException: no stock\n\tat app.Orders.ship(Orders.java:88)", failed.message());
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:01Z")), failed.time(), "the line's own time");
        LogEvent cut = events.get(2);
        assertEquals("a long line cut by the runtime, joined again\nplain text without a header of its own", cut.message());
        assertEquals(5, cut.firstLine());
    }

    /** Docker's json-file: the line in "log", a Go service's klog header inside it. */
    @Test
    void aDockerJsonFileLogIsReadByTheHeaderOfItsLines() throws IOException {
        String log = """
                {"log":"I0301 10:00:00.000001       1 main.go:12] serving\\n","stream":"stderr","time":"2024-03-01T10:00:00.1Z"}
                {"log":"E0301 10:00:01.000001       1 sync.go:40] sync failed\\n","stream":"stderr","time":"2024-03-01T10:00:01.1Z"}
                {"log":"a line without a header\\n","stream":"stdout","time":"2024-03-01T10:00:02.5Z"}
                """;
        assertEquals("docker: <Level><Timestamp> <Pid> <Component>] <Content>", spec(log));
        List<LogEvent> events = EventReaderTest.read(log, Optional.empty());
        assertEquals(List.of("INFO", "ERROR"), events.stream().map(LogEvent::level).toList(), "the header-less line folds into the one before");
        assertEquals("sync.go:40", events.get(1).component());
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:01.000001Z")), events.get(1).time());
    }

    /** A program that writes JSON lines, run by a container runtime: both read. */
    @Test
    void jsonLinesInsideAnEnvelopeAreReadAsJson() throws IOException {
        String log = """
                2024-03-01T10:00:00.5Z stdout F {"level":"warn","msg":"disk low","free_mb":120}
                2024-03-01T10:00:01.5Z stdout F {"level":"error","msg":"disk full","free_mb":0}
                """;
        assertEquals("cri: json", spec(log));
        List<LogEvent> events = EventReaderTest.read(log, Optional.empty());
        assertEquals(List.of("WARN", "ERROR"), events.stream().map(LogEvent::level).toList());
        assertEquals("disk full free_mb=0", events.get(1).message());
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:01.5Z")), events.get(1).time(), "the runtime's time, as the line has none");
    }

    @Test
    void aLogIsInAnEnvelopeWhenMostOfItsLinesAre() {
        assertEquals(Envelope.CRI, Envelope.detect(List.of("2024-03-01T10:00:00Z stdout F x", "2024-03-01T10:00:00Z stderr P y", "z")));
        assertEquals(Envelope.NONE, Envelope.detect(List.of("2024-03-01T10:00:00Z stdout F x", "2024-03-01 10:00:00 INFO y", "z")));
        assertEquals(Envelope.DOCKER, Envelope.detect(List.of("{\"log\":\"x\\n\",\"stream\":\"stdout\"}", "")));
        assertEquals(Envelope.NONE, Envelope.detect(List.of("{\"log\":\"x\\n\"}", "{\"msg\":\"y\"}")), "a log field alone is a JSON log's");
        assertTrue(Envelope.NONE.open("anything", new TimestampParser(2024)) == null);
    }

    static String spec(String log) throws IOException {
        dev.ddx.backend.logs.source.StdinSource src = new dev.ddx.backend.logs.source.StdinSource(
                new java.io.ByteArrayInputStream(log.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (EventReader r = new EventReader("x.log", src.open(), Optional.empty(), new TimestampParser(2024))) {
            return r.spec().text();
        }
    }
}
