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

    /**
     * Of two names for the same field, the one a library more often writes wins wherever it stands in
     * the line; an object under a name gives way to the next name; a dotted name written as it is wins
     * over the same path into an object; a name not taken stays a word of the message.
     */
    @Test
    void theFirstKnownNameOfAFieldWins() throws IOException {
        String log = """
                {"msg":"m","message":"not this","time":"2024-03-01T10:00:05Z","@timestamp":"2024-03-01T10:00:06Z","level":{"x":1},"severity":"error","log":{"logger":"nested.L"},"logger_name":"top.L"}
                {"log":{"logger":"nested"},"log.logger":"dotted","msg":"x","level":"info"}
                """;
        List<LogEvent> events = read(log);
        assertEquals("m time=2024-03-01T10:00:05Z", events.get(0).message());
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:06Z")), events.get(0).time());
        assertEquals(List.of("ERROR", "INFO"), events.stream().map(LogEvent::level).toList());
        assertEquals(List.of("top.L", "dotted"), events.stream().map(LogEvent::component).toList());
        assertEquals("x", events.get(1).message());
    }

    /** systemd's journal as {@code journalctl -o json} writes it: MESSAGE, PRIORITY (syslog's numbers), micros as text; its own fields left out. */
    @Test
    void theJournalsExportIsRead() throws IOException {
        String log = """
                {"__CURSOR":"s=1a;i=1","__REALTIME_TIMESTAMP":"1709287200123456","_BOOT_ID":"0123456789abcdef","PRIORITY":"3","SYSLOG_FACILITY":"3","SYSLOG_IDENTIFIER":"nginx","_PID":"812","_COMM":"nginx","_SYSTEMD_UNIT":"nginx.service","MESSAGE":"connect() failed (111: Connection refused) while connecting to upstream"}
                {"__CURSOR":"s=1a;i=2","__REALTIME_TIMESTAMP":"1709287201000000","PRIORITY":"6","SYSLOG_IDENTIFIER":"systemd","_PID":"1","CODE_LINE":"412","MESSAGE":"Started nginx.service - A high performance web server."}
                {"__CURSOR":"s=1a;i=3","__REALTIME_TIMESTAMP":"1709287202000000","PRIORITY":"4","SYSLOG_IDENTIFIER":"kernel","MESSAGE":"TCP: request_sock_TCP: Possible SYN flooding on port 443."}
                """;
        List<LogEvent> events = read(log);
        assertEquals(List.of("ERROR", "INFO", "WARN"), events.stream().map(LogEvent::level).toList());
        assertEquals(List.of("nginx", "systemd", "kernel"), events.stream().map(LogEvent::component).toList());
        assertEquals("connect() failed (111: Connection refused) while connecting to upstream", events.get(0).message(),
                "no SYSLOG_FACILITY=3, _COMM=nginx after it");
        assertEquals("812", events.get(0).thread());
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:00.123456Z")), events.get(0).time());
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
    /**
     * The lines read to find the header are read by the parser; the lines after them from their
     * bytes. The same lines give the same events either way: a structured log's and a json-file one's.
     */
    @Test
    void linesPastTheSampleGiveWhatTheSampleGives() throws IOException {
        String json = """
                {"level":"info","ts":1719239813.25,"caller":"server/handler.go:42","msg":"handled request","path":"/api/orders/7","status":200}
                {"level":"error","ts":1719239814,"msg":"charge failed","error":"card declined","stacktrace":"main.charge\\n\\tpay.go:10"}
                {"@timestamp":"2024-03-01T10:00:02.000Z","log":{"level":"fatal","logger":"app.Boot"},"message":"cannot start","process":{"thread":{"name":"main"}}}
                {"instant":{"epochSecond":1709287200,"nanoOfSecond":5000},"level":"ERROR","loggerName":"a.B","message":"boom","thrown":{"name":"java.lang.IllegalStateException","message":"no","extendedStackTrace":[{"class":"a.B","method":"c","file":"B.java","line":3}]}}
                {"name":"checkout","level":50,"msg":"declined","time":"2024-03-01T10:00:00.000Z","v":0,"ok":true,"none":null,"f":1e3}
                {"msg":"two\\nlines \\"quoted\\" \\u0041\\t\\/","level":"warn","msg2":"x","big":123456789012345678901234567890}
                {"msg":"caf\\u00e9","level":"info"} trailing
                {"msg":"café raw","level":"info"}
                {"a":1,"a":2,"msg":"twice"}
                {"msg":"deep","level":"info","d":%s}
                not json at all
                {"msg":"cut", "level":
                \t{ "msg" : "spaced" , "level" : "debug" }
                {"msg":"bad","n":01}
                """.formatted("[".repeat(70) + "1" + "]".repeat(70));
        assertSameEventsPastTheSample("{\"level\":\"info\",\"msg\":\"filler\"}\n", json);
        String docker = """
                {"log":"2024-03-01 10:00:00,001 ERROR [main] app.Db: lost connection\\n","stream":"stderr","time":"2024-03-01T10:00:00.1Z"}
                {"log":"java.lang.IllegalStateException: gone\\n","stream":"stderr","time":"2024-03-01T10:00:00.2Z"}
                {"log":"\\tat app.Db.query(Db.java:9)\\n","stream":"stderr","time":"2024-03-01T10:00:00.3Z"}
                {"log":"2024-03-01 10:00:01,000 WARN [worker-1] app.Q: a line in ","stream":"stdout","time":"2024-03-01T10:00:01Z"}
                {"log":"two parts\\n","stream":"stdout","time":"2024-03-01T10:00:01.1Z"}
                {"log":"2024-03-01 10:00:02,000 INFO [main] app.X: caf\\u00e9 \\"q\\"\\n","stream":"stdout","time":"2024-03-01T10:00:02Z"}
                {"stream":"stdout","log":"2024-03-01 10:00:03,000 INFO [main] app.X: log not first\\n"}
                not a record
                """;
        assertSameEventsPastTheSample("{\"log\":\"2024-03-01 09:00:00,000 INFO [main] app.F: filler\\n\",\"stream\":\"stdout\"}\n", docker);
    }

    private static void assertSameEventsPastTheSample(String filler, String lines) throws IOException {
        List<String> alone = described(read(filler.repeat(3) + lines), 3);
        List<String> past = described(read(filler.repeat(EventReader.SAMPLE) + lines), EventReader.SAMPLE);
        assertEquals(alone, past);
        assertTrue(alone.size() >= 4, alone::toString);
    }

    /** The events after the filler's, each as its fields and how many lines it spans. */
    private static List<String> described(List<LogEvent> events, int filler) {
        return events.subList(filler, events.size()).stream()
                .map(e -> e.time() + " " + e.level() + " " + e.thread() + " " + e.component() + " " + (e.lastLine() - e.firstLine())
                        + " " + e.message())
                .toList();
    }

    /** The streaming reading of a line's object gives what reading it as a tree gives, on crafted and random lines. */
    @Test
    void theStreamingReadingGivesWhatATreeGives() throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "{\"level\":\"info\",\"ts\":1719239813.25,\"msg\":\"x\",\"n\":12,\"ok\":true,\"none\":null,\"list\":[1,{\"a\":2}]}",
                "{\"@timestamp\":\"2024-03-01T10:00:00Z\",\"log\":{\"level\":\"WARN\",\"logger\":\"app.X\",\"origin\":{\"file\":\"a\"}},"
                        + "\"process\":{\"thread\":{\"name\":\"main\",\"id\":1},\"pid\":7},\"error\":{\"stack_trace\":\"boom\\n\\tat a.B.c(B.java:1)\"}}",
                "{\"instant\":{\"epochSecond\":1709287200,\"nanoOfSecond\":123000000},\"level\":\"ERROR\",\"message\":\"m\"}",
                "{\"f\":1e3,\"g\":-0.5,\"h\":1E-7,\"big\":123456789012345678901234567890,\"neg\":-12,\"inf\":1e400}",
                "{\"u\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\/ \\t\",\"e\":\"\"}",
                "  {\"lead\": \"space\"}  trailing words",
                "{}", "[1,2]", "\"just text\"", "{\"cut\": \"off", "{\"a\":1,\"a\":2}", "{\"log\":\"docker line\\n\",\"stream\":\"stdout\"}",
                "{\"log\":{\"level\":\"a\"},\"log\":\"b\"}", "{\"thrown\":{\"name\":\"java.lang.X\"}}", "not json",
                // what the parser refuses, which the reading from bytes must refuse too
                "{\"a\":01}", "{\"a\":-01}", "{\"a\":+1}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":1x}",
                "{\"a\":1,}", "{,}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{a:1}", "{'a':1}", "{\"a\":'x'}", "{\"a\":tru}",
                "{\"a\":truex}", "{\"a\":nul}", "{\"a\":\"tab\there\"}", "{\"a\":\"bad \\x escape\"}", "{\"a\":\"\\u12G4\"}",
                "{\"a\":\"\\u12\"}", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":{\"b\"}}", "{\"a\":1 /* c */}", "\f{\"a\":1}",
                "{\"a\":1}}", "{\"a\":1}garbage", "\t{ \"a\" :\r\n-0.0E+5 , \"b\":[ ] ,\"c\":{ }}", "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}",
                "{\"\\u0061\":1,\"a\":2}", "{\"a\":[{\"b\":[\"]\",\"}\"]}],\"c\":3}", "{\"a\":\"x\"", "{\"a\":", "{", "{\"log\":{\"level\":1,}}",
                "{\"deep\":" + "[".repeat(70) + "]".repeat(70) + "}", "{\"n\":" + "1".repeat(1200) + "}", "{\"" + "n".repeat(50_001) + "\":1}"));
        java.util.Random random = new java.util.Random(7);
        com.fasterxml.jackson.core.JsonFactory factory = new com.fasterxml.jackson.core.JsonFactory();
        String[] names = {"level", "msg", "ts", "log", "process", "thread", "error", "instant", "n", "x.y", "stack"};
        for (int k = 0; k < 2000; k++) {
            java.io.StringWriter w = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = factory.createGenerator(w)) {
                randomObject(g, random, names, 0);
            }
            lines.add(w.toString());
            if (k % 4 == 0) lines.add(w.toString().substring(0, random.nextInt(w.toString().length()))); // cut short
            if (k % 4 == 1) lines.add(w.toString().replace(",", " ,\t").replace(":", ": ")); // spaced (strings too)
        }
        JsonBytes reader = JsonLines.bytesReader();
        int unread = 0;
        for (String line : lines) {
            FlatJson streamed = JsonLines.flat(line);
            FlatJson tree = JsonLines.flatFromTree(line);
            assertSame(tree, streamed, line);
            byte[] bytes = AsciiBytes.padded(line);
            if (bytes == null) continue;
            FlatJson fromBytes = reader.read(bytes, line.length());
            if (fromBytes == JsonBytes.UNREAD) {
                unread++;
                continue;
            }
            if (fromBytes == FlatJson.NEEDS_TREE) fromBytes = JsonLines.flatFromTree(line);
            assertSame(line.stripLeading().startsWith("{") ? streamed : null, fromBytes, line);
        }
        assertEquals(3, unread, "only the deep nesting, the long number and the long name are left to the parser");
    }

    /** Both null, or both with the same fields. */
    private static void assertSame(FlatJson expected, FlatJson actual, String line) {
        assertEquals(expected == null, actual == null, line);
        if (expected == null) return;
        assertEquals(described(expected.top), described(actual.top), line);
        assertEquals(new java.util.TreeMap<>(described(expected.nested)), new java.util.TreeMap<>(described(actual.nested)), line);
    }

    private static java.util.Map<String, String> described(java.util.Map<String, FlatJson.Value> values) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.kind() + " " + v.asText() + " " + v.asLong() + " " + v.asDouble()));
        return out;
    }

    private static void randomObject(com.fasterxml.jackson.core.JsonGenerator g, java.util.Random r, String[] names, int depth) throws IOException {
        g.writeStartObject();
        for (int i = r.nextInt(6); i > 0; i--) {
            g.writeFieldName(names[r.nextInt(names.length)] + (r.nextInt(4) == 0 ? "" + r.nextInt(3) : ""));
            switch (depth < 3 ? r.nextInt(9) : r.nextInt(6)) {
                case 0 -> g.writeString("v" + r.nextInt(100) + (r.nextBoolean() ? " with space\n\u00e9" : ""));
                case 1 -> g.writeNumber(r.nextLong() >> r.nextInt(64));
                case 2 -> g.writeNumber(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
                case 3 -> g.writeBoolean(r.nextBoolean());
                case 4 -> g.writeNull();
                case 5 -> g.writeString("");
                case 6, 7 -> randomObject(g, r, names, depth + 1);
                default -> {
                    g.writeStartArray();
                    g.writeNumber(1);
                    randomObject(g, r, names, depth + 1);
                    g.writeEndArray();
                }
            }
        }
        g.writeEndObject();
    }
}
