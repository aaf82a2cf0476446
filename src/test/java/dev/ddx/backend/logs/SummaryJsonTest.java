package dev.ddx.backend.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ddx.backend.logs.summary.ExceptionGroup;
import dev.ddx.backend.logs.summary.SourceStat;
import dev.ddx.model.CodeOwner;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LineRange;
import dev.ddx.model.SignalInfo;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;
import dev.ddx.model.Variable;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON summary written field by field is the document the record mapper writes, character for character. */
class SummaryJsonTest {
    @TempDir
    Path dir;

    static String mapped(LogSummary s, List<Finding> findings) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("summary", s);
        root.put("findings", findings);
        return LogSummaryRenderer.mapper().writeValueAsString(root);
    }

    LogSummary sameAsMapped(Path log) throws Exception {
        try (LogSession session = LogSession.open(List.of(log.toString()), LogOptions.defaults(LogSessionTest.CLOCK))) {
            LogSummary s = session.summary();
            List<Finding> findings = session.findings();
            assertEquals(mapped(s, findings), LogSummaryRenderer.json(s, findings), log.toString());
            return s;
        }
    }

    @Test
    void aServiceLogWithTracesSeriesBurstsGarbageAndUntimedLinesIsWrittenAsTheMapperWritesIt() throws Exception {
        StringBuilder b = new StringBuilder("started without a time\n");
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        for (int i = 0; i < 400; i++) {
            String ts = t.plusMillis(1500L * i).toString().replace("T", " ").replace("Z", "").replace(".", ",");
            b.append(ts).append(" INFO  [gc-monitor] app.Health: heap used ").append(300 + 12 * i).append(" MB\n");
            b.append(ts).append(" DEBUG [pool-1] app.Pool: open file handles ").append(100 + 3 * i).append('\n');
            b.append(ts).append(" INFO  [http-1] app.Web: GET /orders/").append(i).append(" took ").append(20 + i % 7).append(".5 ms \"é\"\n");
            if (i > 300) b.append(ts).append(" WARN  [http-2] app.Web: retrying order ").append(i).append('\n');
            for (int k = 0; k < (i % 40 == 0 ? 1 : i >= 350 && i < 355 ? 30 : 0); k++) {
                b.append(ts).append(" WARN  [http-3] app.Net: connection reset by peer ").append(k).append('\n');
            }
            if (i % 50 == 49) {
                b.append(ts).append(" ERROR [http-1] app.Web: request failed\n")
                        .append("java.io.UncheckedIOException: read failed\n\tat app.Web.serve(Web.java:12)\n")
                        .append("\tat java.base/java.lang.Thread.run(Thread.java:833)\n")
                        .append("Caused by: java.net.SocketTimeoutException: Read timed out\n\tat java.net.Socket.read(Native Method)\n");
                b.append(ts).append(" ERROR [worker] app.Jobs: job crashed\nTraceback (most recent call last):\n")
                        .append("  File \"/srv/jobs.py\", line 7, in run\n    step()\nKeyError: 'order'\n");
            }
            if (i == 200) b.append("\u0000\u0001\u0002 binary \u0003\u0004\n");
        }
        LogSummary s = sameAsMapped(Files.writeString(dir.resolve("svc.log"), b.toString(), StandardCharsets.UTF_8));
        // every part of the summary took part in the comparison
        assertTrue(s.exceptions().size() >= 2 && !s.series().isEmpty() && !s.bursts().isEmpty() && !s.problems().isEmpty()
                && s.sources().get(0).skippedBytes() > 0 && s.start().isPresent() && s.timeline().size() > 1,
                s.exceptions().size() + " exceptions, " + s.series().size() + " series, " + s.bursts().size() + " bursts");
    }

    @Test
    void anEmptyLogAndALogWithoutHeadersAreWrittenAsTheMapperWritesThem() throws Exception {
        sameAsMapped(Files.writeString(dir.resolve("empty.log"), ""));
        sameAsMapped(Files.writeString(dir.resolve("plain.log"), "just words\nmore words 12\nKeyError: 'x'\n"));
    }

    @Test
    void whatLogsNeverGiveIsStillWrittenAsTheMapperWritesIt() throws Exception {
        StackFrame full = new StackFrame(0, "main", "app", Optional.of(new SourceLocation("main.c", 3)), OptionalLong.of(0x401000),
                List.of(new Variable("argc", "int", "1")), List.of(new Variable("p", "char *", "0x0")), Optional.of("*p = 0;"),
                CodeOwner.USER);
        StackFrame bare = StackFrame.of(1, "start", "libc", null);
        ExceptionInfo inner = new ExceptionInfo("ValueError", "bad", Optional.empty(), Optional.empty(), List.of(bare),
                Optional.empty(), List.of());
        ExceptionInfo x = new ExceptionInfo("SIGSEGV", "segfault \"quoted\"\n", Optional.of("7"),
                Optional.of(new SignalInfo("SIGSEGV", 11, OptionalInt.of(1), "SEGV_MAPERR", OptionalLong.of(0))), List.of(full, bare),
                Optional.of(new ExceptionInfo.Cause(ExceptionInfo.Relation.CONTEXT, inner)), List.of(inner));
        LineRange at = new LineRange("a.log", 1, 4);
        LogSummary s = new LogSummary(List.of(new SourceStat("a.log", "<Content>", 4, 1, 12, 1)), 4, 1, Optional.empty(),
                Optional.of(Instant.parse("2024-03-01T10:00:00.123456789Z")), Map.of(), 1000, List.of(), 0, List.of(), List.of(),
                List.of(new ExceptionGroup(x, List.of("SIGSEGV", "ValueError"), List.of("main"), 1, Optional.empty(),
                        Optional.of(Instant.EPOCH), at, at)),
                List.of(), List.of(), List.of("a note"));
        List<Finding> findings = List.of(new Finding("crash", "Crash", 0.5, List.of(
                new Evidence("fact", "gdb", Optional.of("1"), OptionalInt.of(2), Optional.of(at)),
                Evidence.of("other", "log"))));
        assertEquals(mapped(s, findings), LogSummaryRenderer.json(s, findings));
    }

    @Test
    void everySampleLogOfTheSharedFixturesIsWrittenAsTheMapperWritesIt() throws Exception {
        Path fixtures = dev.ddx.backend.text.Fixtures.shared("loghub");
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(fixtures)) {
            files.filter(p -> p.toString().endsWith(".log")).sorted().forEach(logs::add);
        }
        assertTrue(logs.size() >= 8, logs.toString());
        for (Path log : logs) sameAsMapped(log);
    }
}
