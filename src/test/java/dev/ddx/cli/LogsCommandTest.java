package dev.ddx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogsCommandTest {
    static final String LOG = """
            2024-03-01 10:00:00,001 INFO  [main] com.shop.App: starting with pool size 10
            2024-03-01 10:00:01,500 ERROR [worker-1] com.shop.OrderService: order 42 failed
            java.lang.IllegalStateException: cannot ship order 42
            \tat com.shop.OrderService.ship(OrderService.java:88)
            Caused by: java.sql.SQLTransientConnectionException: pool exhausted
            \tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:213)
            2024-03-01 10:00:02,000 WARN  [worker-2] com.shop.OrderService: retrying order 43
            2024-03-01 10:00:03,000 INFO  [main] com.shop.App: done with pool size 12
            """;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run ddx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ddx.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void parseStopsWhenItsReaderGoesAway() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) b.append("2024-03-01 10:00:00,001 INFO  [main] com.shop.App: step ").append(i).append('\n');
        Path log = Files.writeString(dir.resolve("long.log"), b.toString());
        int[] attempts = {0};
        // like `ddx logs parse long.log | head -1`: the pipe breaks after the first record
        java.io.OutputStream closed = new java.io.OutputStream() {
            @Override
            public void write(int c) throws IOException {
                write(new byte[] {(byte) c}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int off, int len) throws IOException {
                if (attempts[0]++ > 0) throw new IOException("Broken pipe");
            }
        };
        int code = Ddx.execute(new String[] {"logs", "parse", log.toString()}, new PrintWriter(closed, true), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertTrue(attempts[0] < 5_000, "kept writing into a closed pipe: " + attempts[0] + " writes for 20000 records");
    }

    @Test
    void parsePrintsOneJsonRecordPerEventInInputOrder() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), LOG);
        Run r = ddx("logs", "parse", log.toString(), "--format", "jsonl");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(4, lines.length);
        JsonNode second = new ObjectMapper().readTree(lines[1]);
        assertEquals(2, second.get("first_line").asInt());
        assertEquals(6, second.get("last_line").asInt());
        assertEquals("2024-03-01T10:00:01.500Z", second.get("time").asText());
        assertEquals("ERROR", second.get("level").asText());
        assertEquals("worker-1", second.get("thread").asText());
        assertEquals("com.shop.OrderService", second.get("component").asText());
        assertEquals("order <*> failed", second.get("template").asText());
        assertEquals("42", second.get("parameters").get(0).asText());
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        JsonNode last = new ObjectMapper().readTree(lines[3]);
        assertEquals("T1", first.get("template_id").asText());
        assertTrue(!first.get("template_id").asText().equals(last.get("template_id").asText())
                || first.get("template").asText().contains("<*>"));
    }

    @Test
    void summarizeShowsProblemsExceptionsAndFindingsWithLineNumbers() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), LOG);
        Run r = ddx("logs", "summarize", log.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| ERROR | 1 |"), r.out());
        assertTrue(r.out().contains("**java.lang.IllegalStateException**: cannot ship order 42"), r.out());
        assertTrue(r.out().contains("chain: java.lang.IllegalStateException ← caused by java.sql.SQLTransientConnectionException"), r.out());
        assertTrue(r.out().contains("**nested-exception**"), r.out());
        assertTrue(r.out().contains(log + ":2-6"), r.out());
    }

    /** A log without times: its levels are counted with no line over time, and nothing says how long a mark is. */
    @Test
    void summarizeOfALogWithoutTimesShowsNoTimeline() throws IOException {
        Path log = Files.writeString(dir.resolve("plain.log"), "Preparing to unpack a.deb ...\nSetting up a (1.0) ...\n");
        Run r = ddx("logs", "summarize", log.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no timestamps\n\n## Levels\n\n```\nNONE           2  \n```\n\n## Most frequent"), r.out());
    }

    @Test
    void summarizeAsJsonHasSummaryAndFindings() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), LOG);
        Run r = ddx("logs", "summarize", "--format", "json", log.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(4, root.get("summary").get("events").asInt());
        assertEquals(1, root.get("summary").get("levels").get("ERROR").asInt());
        assertTrue(root.get("findings").size() >= 2);
        assertEquals(2, root.get("findings").get(0).get("evidence").get(0).get("lines").get("first").asInt());
    }

    @Test
    void aMissingFileAmongSeveralIsNamedAfterTheOthersAreRead() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), LOG);
        Run r = ddx("logs", "parse", log.toString(), dir.resolve("nope.log").toString());
        assertEquals(2, r.code());
        assertEquals(4, r.out().strip().split("\n").length);
        assertTrue(r.err().startsWith("ddx: no such log file: " + dir.resolve("nope.log") + " (the other sources were read)"), r.err());
    }

    @Test
    void onlyMissingFilesIsAUsageErrorInOneLine() {
        Run r = ddx("logs", "summarize", dir.resolve("nope.log").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("ddx: no such log file: "), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void globsAndGzipAreRead() throws IOException {
        Files.writeString(dir.resolve("a.log"), LOG);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(LOG.getBytes());
        }
        Files.write(dir.resolve("b.log.gz"), gz.toByteArray());
        Run r = ddx("logs", "parse", dir + "/*.log*");
        assertEquals(0, r.code(), r.err());
        assertEquals(8, r.out().strip().split("\n").length);
        assertTrue(r.out().contains("b.log.gz\""), r.out());
    }

    /** A zstd file is refused in one line with the command that unpacks it; beside a plain log, after the plain one's output. */
    @Test
    void aLogPackedInAWayDdxDoesNotUnpackIsRefusedSayingHowToUnpackIt() throws IOException {
        Path zst = Files.write(dir.resolve("app.log.1.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x24, 0x10, 0, 0});
        Run alone = ddx("logs", "summarize", zst.toString());
        assertEquals(3, alone.code());
        assertEquals("", alone.out());
        assertEquals("ddx: " + zst + " is zstd-compressed, which ddx does not unpack\n"
                + "  unpack it into ddx: zstd -dc " + zst + " | ddx logs summarize -\n", alone.err());
        Path log = Files.writeString(dir.resolve("app.log"), LOG);
        Run both = ddx("logs", "summarize", log.toString(), zst.toString());
        assertEquals(3, both.code());
        assertTrue(both.out().contains("`" + log + "`: 8 lines, 4 events"), both.out());
        assertTrue(both.out().contains("not read: " + zst + " is zstd-compressed"), both.out());
        assertTrue(both.err().startsWith("ddx: " + zst + " is zstd-compressed, which ddx does not unpack (the other sources were read)"), both.err());
    }

    @Test
    void binaryGarbageIsSkippedCountedAndTheRestKept() throws IOException {
        byte[] garbage = new byte[300];
        for (int i = 0; i < garbage.length; i++) garbage[i] = (byte) (i % 7 == 0 ? 0 : i);
        Path log = dir.resolve("mixed.log");
        Files.write(log, (LOG.substring(0, LOG.indexOf("2024-03-01 10:00:02"))).getBytes());
        Files.write(log, garbage, java.nio.file.StandardOpenOption.APPEND);
        Files.write(log, ("\n" + LOG.substring(LOG.indexOf("2024-03-01 10:00:02"))).getBytes(), java.nio.file.StandardOpenOption.APPEND);
        Run r = ddx("logs", "summarize", log.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("bytes of binary data skipped"), r.out());
        assertTrue(r.out().contains("retrying order"), r.out());
    }

    @Test
    void aLokiSourceThatRefusesTheTokenEndsWithOneLineAndExitThree() throws IOException {
        try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
            server.start();
            server.enqueue(new mockwebserver3.MockResponse.Builder().code(401).body("no").build());
            Run r = ddx("logs", "summarize", "--loki", server.url("/").toString(), "--query", "{app=\"api\"}",
                    "--since", "2h", "--bearer", "wrong");
            assertEquals(3, r.code());
            assertTrue(r.err().startsWith("ddx: Loki at ") && r.err().contains("refused the credentials (HTTP 401)"), r.err());
            assertEquals(2, r.err().strip().split("\n").length, r.err());
        }
    }

    @Test
    void aMalformedHeaderSpecIsAUsageError() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), LOG);
        Run r = ddx("logs", "parse", "--header", "<Date> <Time>", log.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("ddx: header spec has no <Content> field"), r.err());
    }

    @Test
    void anExplicitHeaderSpecIsUsed() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), LOG);
        Run r = ddx("logs", "parse", "--header", "<Date> <Time> <Level> [<Thread>] <Component>: <Content>", log.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"thread\":\"worker-2\""), r.out());
    }
}
