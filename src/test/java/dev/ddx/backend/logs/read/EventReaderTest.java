package dev.ddx.backend.logs.read;

import dev.ddx.backend.logs.source.StdinSource;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LogEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventReaderTest {
    static final String JAVA_LOG = """
            2024-03-01 10:00:00,001 INFO  [main] com.shop.App: starting
            2024-03-01 10:00:01,500 ERROR [worker-1] com.shop.OrderService: order 42 failed
            java.lang.IllegalStateException: cannot ship order 42
            \tat com.shop.OrderService.ship(OrderService.java:88)
            \tat com.shop.OrderService.process(OrderService.java:40)
            Caused by: java.sql.SQLTransientConnectionException: pool exhausted
            \tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:213)
            \t... 12 more
            2024-03-01 10:00:02,000 WARN  [worker-2] com.shop.OrderService: retrying order 43
            "worker-3" #14 prio=5 os_prio=0 tid=0x00007f nid=0x2 waiting on condition
               java.lang.Thread.State: WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(Native Method)
            2024-03-01 10:00:03,000 INFO  [main] com.shop.App: done
            """;

    static List<LogEvent> read(String text, Optional<HeaderSpec> spec) throws IOException {
        List<LogEvent> out = new ArrayList<>();
        StdinSource src = new StdinSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try (EventReader r = new EventReader("app.log", src.open(), spec, new TimestampParser(2024))) {
            for (LogEvent e = r.next(); e != null; e = r.next()) out.add(e);
        }
        return out;
    }

    @Test
    void javaStackTracesWithCausesAndThreadDumpsFoldIntoTheEventBefore() throws IOException {
        List<LogEvent> events = read(JAVA_LOG, Optional.empty());
        assertEquals(4, events.size());
        LogEvent error = events.get(1);
        assertEquals(2, error.firstLine());
        assertEquals(8, error.lastLine());
        assertEquals("ERROR", error.level());
        assertEquals("worker-1", error.thread());
        assertEquals("com.shop.OrderService", error.component());
        assertTrue(error.message().startsWith("order 42 failed\njava.lang.IllegalStateException"));
        assertEquals(9, events.get(2).firstLine());
        assertEquals(12, events.get(2).lastLine());
        assertEquals("done", events.get(3).message());

        ExceptionInfo x = ExceptionParser.parse(error.message()).orElseThrow();
        assertEquals("java.lang.IllegalStateException", x.type());
        assertEquals(List.of("java.lang.IllegalStateException", "java.sql.SQLTransientConnectionException"),
                x.chain().stream().map(ExceptionInfo::type).toList());
        assertEquals("com.shop.OrderService.ship", x.frames().get(0).function());
    }

    @Test
    void pythonTracebacksFoldAndKeepTheirChain() throws IOException {
        String log = """
                2024-03-01 10:00:00,001 - worker - ERROR - job failed
                Traceback (most recent call last):
                  File "/app/job.py", line 10, in load
                    data = json.loads(raw)
                json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)

                The above exception was the direct cause of the following exception:

                Traceback (most recent call last):
                  File "/app/job.py", line 30, in main
                    load()
                RuntimeError: cannot load job
                2024-03-01 10:00:01,000 - worker - INFO - next job
                """;
        List<LogEvent> events = read(log, Optional.empty());
        assertEquals(2, events.size());
        assertEquals(12, events.get(0).lastLine());
        ExceptionInfo x = ExceptionParser.parse(events.get(0).message()).orElseThrow();
        assertEquals("RuntimeError", x.type());
        assertEquals("json.decoder.JSONDecodeError", x.cause().orElseThrow().exception().type());
        assertEquals("main", x.frames().get(0).function());
    }

    @Test
    void detectedHeaderOfAJavaLogNamesItsFields() throws IOException {
        StdinSource src = new StdinSource(new ByteArrayInputStream(JAVA_LOG.getBytes(StandardCharsets.UTF_8)));
        try (EventReader r = new EventReader("app.log", src.open(), Optional.empty(), new TimestampParser(2024))) {
            assertEquals("<Timestamp> <Level> [<Thread>] <Component>: <Content>", r.spec().text());
        }
    }

    /** log4j's {@code %-5p %d [%t] %c: %m}: the level first, then the time and the rest. */
    @Test
    void aHeaderWithTheLevelBeforeTheTimeIsReadWithItsTime() throws IOException {
        String log = """
                INFO  2024-03-01 10:00:00,123 [worker-1] com.shop.Http: GET /api/orders/1 200 took 3 ms
                ERROR 2024-03-01 10:00:01,500 [main] com.shop.OrderService: order 999 failed
                java.lang.IllegalStateException: no stock
                	at com.shop.OrderService.ship(OrderService.java:88)
                WARN  2024-03-01 10:00:02,000 [main] com.shop.Disk: low
                """;
        StdinSource src = new StdinSource(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
        try (EventReader r = new EventReader("app.log", src.open(), Optional.empty(), new TimestampParser(2024))) {
            assertEquals("<Level> <Timestamp> [<Thread>] <Component>: <Content>", r.spec().text());
        }
        List<LogEvent> events = read(log, Optional.empty());
        assertEquals(3, events.size(), events.toString());
        LogEvent failed = events.get(1);
        assertEquals(List.of("ERROR", "main", "com.shop.OrderService"), List.of(failed.level(), failed.thread(), failed.component()));
        assertEquals(Optional.of(java.time.Instant.parse("2024-03-01T10:00:01.500Z")), failed.time());
        assertEquals(4, failed.lastLine(), "the trace is folded into it");
        assertEquals("WARN", events.get(2).level());
    }

    /**
     * A program's name before the time, as dpkg's update-alternatives writes it: the name is the
     * component, unless the header names one later; a level word there is still the level.
     */
    @Test
    void aProgramsNameBeforeTheTimeIsItsComponent() throws IOException {
        String log = """
                update-alternatives 2025-06-24 14:36:53: run with --quiet --install /usr/bin/pager pager /usr/bin/less 77
                update-alternatives 2025-06-24 14:36:53: link group pager updated to point to /usr/bin/less
                update-alternatives 2025-06-24 14:36:55: link group pinentry updated to point to /usr/bin/pinentry-curses
                """;
        StdinSource src = new StdinSource(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
        try (EventReader r = new EventReader("alternatives.log", src.open(), Optional.empty(), new TimestampParser(2024))) {
            assertEquals("<Component> <Timestamp>: <Content>", r.spec().text());
        }
        List<LogEvent> events = read(log, Optional.empty());
        assertEquals(3, events.size(), events.toString());
        assertEquals(List.of("update-alternatives", "link group pinentry updated to point to /usr/bin/pinentry-curses"),
                List.of(events.get(2).component(), events.get(2).message()));
        assertEquals(Optional.of(java.time.Instant.parse("2025-06-24T14:36:55Z")), events.get(2).time());

        String service = """
                shop 2024-03-01 10:00:00,123 INFO [main] app.Server: started
                shop 2024-03-01 10:00:01,500 ERROR [io] app.Db: failed
                """;
        LogEvent failed = read(service, Optional.empty()).get(1);
        assertEquals(List.of("ERROR", "io", "app.Db", "failed"), List.of(failed.level(), failed.thread(), failed.component(), failed.message()));
        assertEquals("<Level> <Timestamp> <Content>", HeaderDetector.detect(List.of("INFO 2024-03-01 10:00:00 x")).text());
    }

    /** Kubernetes' klog (and glog): {@code Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg}, a Go panic folded in. */
    @Test
    void aKlogHeaderIsReadWithItsLevelLetterTimeAndSource() throws IOException {
        String log = """
                I0624 14:36:53.123456    1234 server.go:42] Serving securely on [::]:10250
                E0624 14:36:54.000001    1235 kubelet.go:2419] "Error syncing pod" err="context deadline exceeded"
                goroutine 1 [running]:
                main.main()
                	/app/main.go:12 +0x1d
                W0624 14:36:55.5       1234 reflector.go:324] watch ended
                """;
        assertEquals("<Level><Timestamp> <Pid> <Component>] <Content>", spec(log));
        List<LogEvent> events = read(log, Optional.empty());
        assertEquals(List.of("INFO", "ERROR", "WARN"), events.stream().map(LogEvent::level).toList());
        LogEvent e = events.get(1);
        assertEquals(Optional.of(java.time.Instant.parse("2024-06-24T14:36:54.000001Z")), e.time());
        assertEquals(List.of("1235", "kubelet.go:2419"), List.of(e.thread(), e.component()));
        assertEquals("\"Error syncing pod\" err=\"context deadline exceeded\"", e.message().lines().findFirst().orElseThrow());
        assertEquals(5, e.lastLine(), "the goroutine trace is folded into it");
    }

    /** Android's logcat: {@code MM-dd HH:mm:ss.SSS pid tid L tag: msg}, the level a letter before the tag. */
    @Test
    void aLogcatHeaderIsReadWithItsLevelLetter() throws IOException {
        String log = """
                03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogsopening app wtoken = null
                03-17 16:13:38.819  1702  8671 E PowerManagerService: acquire lock=233570404
                03-17 16:13:38.820  1702  8671 V PowerManagerService: ready=true
                """;
        assertEquals("<Timestamp> <Pid> <Pid> <Level> <Component>: <Content>", spec(log));
        List<LogEvent> events = read(log, Optional.empty());
        assertEquals(List.of("DEBUG", "ERROR", "TRACE"), events.stream().map(LogEvent::level).toList());
        assertEquals("PowerManagerService", events.get(1).component());
        assertEquals(Optional.of(java.time.Instant.parse("2024-03-17T16:13:38.819Z")), events.get(1).time());
    }

    /** PostgreSQL's {@code LOG:} and MySQL's {@code [Note]} and {@code [System]} are levels, so their errors and warnings are too. */
    @Test
    void theLevelsOfPostgresAndMysqlAreRead() throws IOException {
        String pg = """
                2024-03-01 10:00:00.101 UTC [1234] LOG:  checkpoint starting: time
                2024-03-01 10:00:01.202 UTC [1240] ERROR:  relation "orders" does not exist at character 15
                2024-03-01 10:00:02.303 UTC [1234] LOG:  checkpoint complete: wrote 12 buffers
                2024-03-01 10:00:03.404 UTC [1241] WARNING:  there is no transaction in progress
                """;
        assertEquals("<Timestamp> <Zone> [<Thread>] <Level>: <Content>", spec(pg));
        List<LogEvent> events = read(pg, Optional.empty());
        assertEquals(List.of("INFO", "ERROR", "INFO", "WARN"), events.stream().map(LogEvent::level).toList());
        assertEquals("relation \"orders\" does not exist at character 15", events.get(1).message());
        String withDetails = """
                2024-03-01 10:00:01.202 UTC [1240] ERROR:  duplicate key value violates unique constraint "orders_pkey"
                2024-03-01 10:00:01.202 UTC [1240] DETAIL:  Key (id)=(7) already exists.
                2024-03-01 10:00:01.202 UTC [1240] STATEMENT:  insert into orders values (7)
                2024-03-01 10:00:02.303 UTC [1234] LOG:  checkpoint complete: wrote 12 buffers
                """;
        List<LogEvent> folded = read(withDetails, Optional.empty());
        assertEquals(List.of("ERROR", "INFO"), folded.stream().map(LogEvent::level).toList(), "an error's detail lines are part of it");
        assertEquals("""
                duplicate key value violates unique constraint "orders_pkey"
                DETAIL:  Key (id)=(7) already exists.
                STATEMENT:  insert into orders values (7)""", folded.get(0).message());
        assertEquals(3, folded.get(0).lastLine());
        String mysql = """
                2024-03-01T10:00:00.123456Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1
                2024-03-01T10:00:01.123456Z 0 [Note] [MY-010747] [Server] Plugin 'FEDERATED' is disabled.
                2024-03-01T10:00:02.123456Z 8 [Warning] [MY-010055] [Server] IP address '10.0.0.9' could not be resolved
                2024-03-01T10:00:03.123456Z 0 [ERROR] [MY-010119] [Server] Aborting
                """;
        assertEquals(List.of("INFO", "INFO", "WARN", "ERROR"), read(mysql, Optional.empty()).stream().map(LogEvent::level).toList());
    }

    /** The header ddx shows, given back with --header, reads the log as the detected one did: a time with a space in it is one field. */
    @Test
    void theHeaderShownCanBeGivenBack() throws IOException {
        assertEquals("<Timestamp> <Level> [<Thread>] <Component>: <Content>", spec(JAVA_LOG));
        List<LogEvent> detected = read(JAVA_LOG, Optional.empty());
        assertEquals(detected, read(JAVA_LOG, Optional.of(HeaderSpec.parse(spec(JAVA_LOG)))));
        assertEquals(Optional.of(java.time.Instant.parse("2024-03-01T10:00:01.500Z")), detected.get(1).time());
        assertEquals("ERROR", detected.get(1).level());
    }

    /** The zone PostgreSQL writes after its time (the server's, by default) is read: its times are UTC whatever it is. */
    @Test
    void aZoneAfterTheTimeIsRead() throws IOException {
        String pg = """
                2024-03-01 11:00:00.101 CET [1234] LOG:  checkpoint starting: time
                2024-07-01 12:00:00.202 CEST [1240] ERROR:  relation "orders" does not exist
                2024-07-01 06:00:00.303 EDT [1241] WARNING:  there is no transaction in progress
                2024-07-01 13:00:00.404 +03 [1242] LOG:  checkpoint complete
                2024-07-01 15:30:00.505 +0530 [1243] LOG:  checkpoint complete
                2024-07-01 10:00:00.606 XYZ [1244] LOG:  an abbreviation it does not know: as UTC
                """;
        assertEquals("<Timestamp> <Zone> [<Thread>] <Level>: <Content>", spec(pg));
        List<LogEvent> events = read(pg, Optional.empty());
        assertEquals(List.of("2024-03-01T10:00:00.101Z", "2024-07-01T10:00:00.202Z", "2024-07-01T10:00:00.303Z",
                        "2024-07-01T10:00:00.404Z", "2024-07-01T10:00:00.505Z", "2024-07-01T10:00:00.606Z"),
                events.stream().map(e -> e.time().orElseThrow().toString()).toList());
        assertEquals(events, read(pg, Optional.of(HeaderSpec.parse(spec(pg)))), "the spec shown can be given back");
        assertEquals("<Timestamp> <Component>: <Content>", spec("""
                2024-03-01 10:00:00 sshd: accepted
                2024-03-01 10:00:01 cron: started
                """), "no zone where none stands");
    }

    /** Ruby's Logger (Rails'): the time and process id in brackets, the level, the program's name before the colon. */
    @Test
    void aRubyLoggerHeaderIsReadWithItsTime() throws IOException {
        String log = """
                I, [2024-03-01T10:00:00.123456 #4312]  INFO -- : Started GET "/orders/7" for 10.0.0.7
                E, [2024-03-01T10:00:00.223456 #4312] ERROR -- app: NoMethodError (undefined method `total' for nil):
                app/models/order.rb:12:in `total'
                W, [2024-03-01T10:00:01.000001 #4313]  WARN -- : Completed 500 Internal Server Error in 12ms
                """;
        assertEquals("<Letter>, [<Timestamp> #<Pid>] <Level> -- <Component>: <Content>", spec(log));
        List<LogEvent> events = read(log, Optional.empty());
        assertEquals(List.of("INFO", "ERROR", "WARN"), events.stream().map(LogEvent::level).toList());
        assertEquals(Optional.of(java.time.Instant.parse("2024-03-01T10:00:00.223456Z")), events.get(1).time());
        assertEquals(List.of("4312", "app", 3), List.of(events.get(1).thread(), events.get(1).component(), events.get(1).lastLine()),
                "the backtrace folds into its event");
        assertEquals(spec(log), HeaderSpec.parse(spec(log)).text(), "the spec shown can be given back");
        assertEquals(List.of("INFO", "ERROR", "WARN"), read(log, Optional.of(HeaderSpec.parse(spec(log)))).stream()
                .map(LogEvent::level).toList());
    }

    /**
     * Redis's header (lines of a real Redis 7.0 log): the process id, its role's letter as the thread,
     * the day-first time, and the level's sign: {@code #} warning, {@code *} notice, {@code -} verbose.
     */
    @Test
    void aRedisHeaderIsReadWithItsLevelSigns() throws IOException {
        String log = """
                23494:C 22 Nov 2026 03:42:35.124 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo
                23494:M 22 Nov 2026 03:42:35.126 * Running mode=standalone, port=6390.
                23494:M 22 Nov 2026 03:42:36.143 - Accepted 127.0.0.1:50364
                23494:M 22 Nov 2026 03:42:36.144 * Background saving started by pid 23502
                23502:C 22 Nov 2026 03:42:36.148 * DB saved on disk
                23494:M 22 Nov 2026 03:42:39.807 # User requested shutdown...
                """;
        assertEquals("<Pid>:<Thread> <Timestamp> <Level> <Content>", spec(log));
        List<LogEvent> events = read(log, Optional.empty());
        assertEquals(List.of("WARN", "INFO", "DEBUG", "INFO", "INFO", "WARN"), events.stream().map(LogEvent::level).toList());
        assertEquals(List.of("C", "M", "M", "M", "C", "M"), events.stream().map(LogEvent::thread).toList());
        assertEquals("DB saved on disk", events.get(4).message());
        assertEquals(Optional.of(java.time.Instant.parse("2026-11-22T03:42:36.148Z")), events.get(4).time());
        assertEquals(events, read(log, Optional.of(HeaderSpec.parse(spec(log)))), "the spec shown can be given back");
        // the same time in log4j's %d{DATE}, with its comma
        String log4j = """
                01 Mar 2024 10:00:00,123 INFO  [main] com.shop.App: starting
                01 Mar 2024 10:00:01,456 ERROR [main] com.shop.App: failed
                """;
        List<LogEvent> dated = read(log4j, Optional.empty());
        assertEquals(List.of("INFO", "ERROR"), dated.stream().map(LogEvent::level).toList(), spec(log4j));
        assertEquals(Optional.of(java.time.Instant.parse("2024-03-01T10:00:01.456Z")), dated.get(1).time());
        // a sign elsewhere is no level, in brackets or where a level letter would stand
        String signs = """
                2024-03-01 10:00:00 [*] 1234 - app: started
                2024-03-01 10:00:01 [#] 1234 - app: stopped
                """;
        assertEquals("<Timestamp> <Content>", spec(signs), "a header that no line would match");
        assertEquals("[*] 1234 - app: started", read(signs, Optional.empty()).get(0).message());
    }

    /** A letter that names a level elsewhere ("I", "E") is a word of the message where no tag follows it. */
    @Test
    void aCapitalLetterInAMessageIsNoLevel() throws IOException {
        String log = """
                2024-03-01 10:00:00 I started the server
                2024-03-01 10:00:01 E is the fifth letter
                2024-03-01 10:00:02 I stopped it again
                """;
        assertEquals("<Timestamp> <Content>", spec(log));
        assertEquals(List.of("", "", ""), read(log, Optional.empty()).stream().map(LogEvent::level).toList());
        // a container runtime's log (Kubernetes' CRI): "F" marks a full line, not a fatal one
        String cri = """
                2024-03-01T10:00:00.123456789Z stdout F server: handled 1
                2024-03-01T10:00:01.123456789Z stderr F server: handled 2
                2024-03-01T10:00:02.123456789Z stdout P server: handled 3
                """;
        assertEquals(List.of("", "", ""), read(cri, Optional.empty()).stream().map(LogEvent::level).toList(), spec(cri));
    }

    private static String spec(String log) throws IOException {
        StdinSource src = new StdinSource(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
        try (EventReader r = new EventReader("x.log", src.open(), Optional.empty(), new TimestampParser(2024))) {
            return r.spec().text();
        }
    }

    @Test
    void aFileWithoutHeadersStillFoldsTracebacks() throws IOException {
        String log = "starting\nException in thread \"main\" java.lang.NullPointerException\n\tat a.B.c(B.java:1)\nstopped\n";
        List<LogEvent> events = read(log, Optional.empty());
        assertEquals(List.of(1, 2, 4), events.stream().map(LogEvent::firstLine).toList());
        assertEquals(3, events.get(1).lastLine());
    }
}
