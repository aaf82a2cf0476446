package dev.ddx.backend.logs.read;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LogEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structured logs, a JSON object per line, read as the events a text log of the same would give. */
class JsonLinesTest {
    private static List<LogEvent> read(String log) throws IOException {
        return EventReaderTest.read(log, Optional.empty());
    }

    /** Go's zap: epoch seconds with a fraction, the caller as the component, a one-line error. */
    @Test
    void zapLinesGiveTheirTimeLevelCallerAndError() throws IOException {
        String log = """
                {"level":"info","ts":1719239813.25,"caller":"server/handler.go:42","msg":"handled request","path":"/api/orders/7","status":200,"duration_ms":12}
                {"level":"error","ts":1719239814.5,"caller":"db/pool.go:88","msg":"query failed","error":"dial tcp 10.0.0.1:5432: connect: connection refused","attempt":3}
                """;
        List<LogEvent> events = read(log);
        assertEquals(2, events.size(), events.toString());
        LogEvent ok = events.get(0);
        assertEquals(Optional.of(Instant.parse("2024-06-24T14:36:53.250Z")), ok.time());
        assertEquals(List.of("INFO", "server/handler.go:42"), List.of(ok.level(), ok.component()));
        assertEquals("handled request path=/api/orders/7 status=200 duration_ms=12", ok.message());
        LogEvent failed = events.get(1);
        assertEquals("ERROR", failed.level());
        assertEquals("query failed: dial tcp 10.0.0.1:5432: connect: connection refused attempt=3", failed.message());
        assertEquals(List.of(2, 2), List.of(failed.firstLine(), failed.lastLine()));
    }

    /** logstash-logback-encoder: a Java service's exception, its stack trace in a field, read as a trace. */
    @Test
    void aStackTraceInAFieldIsFoldedIntoItsEventAndReadAsAnException() throws IOException {
        String log = """
                {"@timestamp":"2024-03-01T10:00:00.123+01:00","@version":"1","message":"order 7 failed","logger_name":"com.shop.OrderService","thread_name":"http-nio-8080-exec-1","level":"ERROR","level_value":40000,"stack_trace":"java.lang.IllegalStateException: no stock\\n\\tat com.shop.OrderService.ship(OrderService.java:88)\\nCaused by: java.sql.SQLTransientConnectionException: pool exhausted\\n\\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)\\n"}
                {"@timestamp":"2024-03-01T10:00:01.000+01:00","@version":"1","message":"java.lang.NullPointerException: looks like a trace","logger_name":"com.shop.Http","thread_name":"main","level":"WARN","level_value":30000}
                """;
        List<LogEvent> events = read(log);
        assertEquals(2, events.size(), "a message that looks like part of a trace still starts its own event: " + events);
        LogEvent failed = events.get(0);
        assertEquals(Optional.of(Instant.parse("2024-03-01T09:00:00.123Z")), failed.time());
        assertEquals(List.of("ERROR", "http-nio-8080-exec-1", "com.shop.OrderService"),
                List.of(failed.level(), failed.thread(), failed.component()));
        assertTrue(failed.message().startsWith("order 7 failed @version=1 level_value=40000\njava.lang.IllegalStateException: no stock\n\tat "),
                failed.message());
        assertEquals(List.of(1, 1), List.of(failed.firstLine(), failed.lastLine()), "the trace's lines are the object's line");
        ExceptionInfo x = ExceptionParser.parse(failed.message()).orElseThrow();
        assertEquals("java.lang.IllegalStateException", x.type());
        assertEquals("java.sql.SQLTransientConnectionException", x.cause().orElseThrow().exception().type());
        assertEquals("WARN", events.get(1).level());
    }

    /** log4j2's JsonLayout: the exception as an object (name, message, frames, cause), read as the trace Java prints. */
    @Test
    void anExceptionWrittenAsAnObjectIsReadAsItsTrace() throws IOException {
        String log = """
                {"instant":{"epochSecond":1709287200,"nanoOfSecond":5000000},"thread":"main","level":"ERROR","loggerName":"app.Orders","message":"order failed","thrown":{"name":"java.lang.IllegalStateException","message":"no stock","extendedStackTrace":[{"class":"app.Orders","method":"ship","file":"Orders.java","line":88},{"class":"app.Main","method":"main","file":"Main.java","line":5}],"cause":{"name":"java.sql.SQLException","message":"pool exhausted","extendedStackTrace":[{"class":"db.Pool","method":"get","file":"Pool.java","line":9}]}},"endOfBatch":false}
                """;
        List<LogEvent> events = read(log);
        assertEquals(1, events.size());
        LogEvent e = events.get(0);
        assertEquals(List.of("ERROR", "main", "app.Orders"), List.of(e.level(), e.thread(), e.component()));
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:00.005Z")), e.time());
        assertEquals("order failed endOfBatch=false\njava.lang.IllegalStateException: no stock\n\tat app.Orders.ship(Orders.java:88)"
                + "\n\tat app.Main.main(Main.java:5)\nCaused by: java.sql.SQLException: pool exhausted\n\tat db.Pool.get(Pool.java:9)", e.message());
        ExceptionInfo x = ExceptionParser.parse(e.message()).orElseThrow();
        assertEquals(List.of("java.lang.IllegalStateException", "java.sql.SQLException"),
                List.of(x.type(), x.cause().orElseThrow().exception().type()));
        assertEquals(2, x.frames().size());
    }

    /** bunyan's and pino's numeric levels, ECS's dotted and nested names, Serilog's compact names. */
    @Test
    void theNamesOfOtherLibrariesAreKnown() throws IOException {
        String log = """
                {"name":"checkout","hostname":"web-1","pid":42,"level":50,"msg":"payment declined","time":"2024-03-01T10:00:00.000Z","v":0}
                {"@timestamp":"2024-03-01T10:00:01.000Z","log.level":"warn","message":"disk low","log.logger":"app.Disk","process.thread.name":"main"}
                {"@timestamp":"2024-03-01T10:00:02.000Z","log":{"level":"fatal","logger":"app.Boot"},"message":"cannot start"}
                {"@t":"2024-03-01T10:00:03.0000000Z","@mt":"Processed {Count} items","@l":"Warning","Count":17,"SourceContext":"App.Worker"}
                {"time":"2024-03-01T10:00:04Z","level":"dpanic","msg":"invariant broken","ts_ms":1709287204000}
                """;
        List<LogEvent> events = read(log);
        assertEquals(List.of("ERROR", "WARN", "FATAL", "WARN", "FATAL"), events.stream().map(LogEvent::level).toList());
        assertEquals(List.of("checkout", "app.Disk", "app.Boot", "App.Worker", ""), events.stream().map(LogEvent::component).toList());
        assertEquals("payment declined hostname=web-1 pid=42 v=0", events.get(0).message());
        assertEquals("main", events.get(1).thread());
        assertEquals("Processed {Count} items Count=17", events.get(3).message());
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:02Z")), events.get(2).time());
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:04Z")), events.get(4).time());
    }

    /** A message of several lines: its first line is the event's, the rest is folded into it. */
    @Test
    void aMessageOfSeveralLinesIsOneEventNamedByItsFirstLine() throws IOException {
        String log = """
                {"level":"error","ts":"2024-03-01T10:00:00Z","msg":"Traceback (most recent call last):\\n  File \\"app.py\\", line 3, in <module>\\n    main()\\nValueError: bad input"}
                {"level":"info","ts":"2024-03-01T10:00:01Z","msg":"ok"}
                """;
        List<LogEvent> events = read(log);
        assertEquals(2, events.size(), events.toString());
        assertEquals("Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\n    main()\nValueError: bad input",
                events.get(0).message());
        assertEquals("ValueError", ExceptionParser.parse(events.get(0).message()).orElseThrow().type());
        assertEquals(List.of(1, 1), List.of(events.get(0).firstLine(), events.get(0).lastLine()));
    }

    /** What is no JSON object in a structured log (a Go panic on stderr) is read as text. */
    @Test
    void linesThatAreNoJsonObjectsAreReadAsText() throws IOException {
        String log = """
                {"level":"info","ts":"2024-03-01T10:00:00Z","msg":"starting"}
                {"level":"info","ts":"2024-03-01T10:00:01Z","msg":"serving"}
                panic: runtime error: invalid memory address or nil pointer dereference
                \tmain.main()
                {"level":"info","ts":"2024-03-01T10:00:02Z","msg":"restarted"}
                {not json
                """;
        List<LogEvent> events = read(log);
        assertEquals(List.of("starting", "serving", "panic: runtime error: invalid memory address or nil pointer dereference\n\tmain.main()",
                "restarted", "{not json"), events.stream().map(LogEvent::message).toList());
        assertEquals(List.of(1, 2, 3, 5, 6), events.stream().map(LogEvent::firstLine).toList());
    }

    @Test
    void aFileIsReadAsJsonWhenMostOfItsFirstLinesAreObjects() {
        assertTrue(JsonLines.looksLike(List.of("{\"msg\":\"a\"}", "{\"msg\":\"b\"}", "panic: x", "\tmain.main()", "")));
        assertEquals(false, JsonLines.looksLike(List.of("{\"msg\":\"a\"}", "2024-03-01 10:00:00 INFO x", "2024-03-01 10:00:01 INFO y")));
        assertEquals(false, JsonLines.looksLike(List.of("{ not json", "{ either }")));
        assertEquals(HeaderSpec.json().text(), HeaderSpec.parse(" JSON ").text(), "--header json asks for it");
        assertTrue(HeaderSpec.parse("json").isJson());
        assertEquals(false, HeaderSpec.parse("<Json> <Content>").isJson());
    }
}
