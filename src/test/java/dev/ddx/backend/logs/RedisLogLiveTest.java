package dev.ddx.backend.logs;

import dev.ddx.backend.logs.summary.TemplateStat;
import dev.ddx.model.LogEvent;
import dev.ddx.testing.Programs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Redis server's own log: started here, made to save in a child process and shut down,
 * then read by ddx, which finds its header, the levels its signs stand for and the child's lines.
 */
class RedisLogLiveTest {
    @TempDir
    Path dir;

    @Test
    void aRedisServersLogIsReadWithItsLevelsAndItsChildsLines() throws Exception {
        Assumptions.assumeTrue(Programs.onPath("redis-server"), "redis-server is not installed here (apt-get install redis-server): Redis's log is not tried");
        Path log = dir.resolve("redis.log");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Instant started = Instant.now().minusSeconds(1);
        Process server = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--logfile", log.toString(), "--loglevel", "verbose", "--save", "")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile()).start();
        try {
            ask(port, "SET", "order:7", "shipped");
            assertEquals("+Background saving started", ask(port, "BGSAVE"));
            awaitLine(log, "Background saving terminated");
            ask(port, "SHUTDOWN", "NOSAVE");
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "redis-server did not stop");
        } finally {
            server.destroyForcibly();
        }
        Instant stopped = Instant.now().plusSeconds(1);

        try (LogSession s = LogSession.open(List.of(log.toString()), LogOptions.defaults(LogSessionTest.CLOCK))) {
            LogSummary sum = s.summary();
            assertEquals("<Pid>:<Thread> <Timestamp> <Level> <Content>", sum.sources().get(0).header());
            List<LogEvent> events = new ArrayList<>();
            s.forEachEvent(events::add);
            assertTrue(events.stream().allMatch(e -> e.time().isPresent()
                    && !e.time().get().isBefore(started) && !e.time().get().isAfter(stopped)), "every line's time is the run's");
            LogEvent saved = events.stream().filter(e -> e.message().equals("DB saved on disk")).findFirst().orElseThrow();
            assertEquals(List.of("C", "INFO"), List.of(saved.thread(), saved.level()), "written by the child that saved");
            assertTrue(events.stream().anyMatch(e -> e.level().equals("DEBUG") && e.message().startsWith("Accepted 127.0.0.1:")),
                    "verbose lines ('-') are DEBUG");
            // Redis writes its notable events at its warning level ('#'): they are the log's problems
            List<String> problems = sum.problems().stream().map(TemplateStat::template).toList();
            assertTrue(problems.contains("User requested shutdown..."), problems.toString());
            assertTrue(sum.problems().stream().allMatch(p -> p.level().equals("WARN")), problems.toString());
        }
    }

    /** Sends one command (RESP) and returns the first line of the reply. */
    static String ask(int port, String... words) throws IOException {
        StringBuilder b = new StringBuilder("*" + words.length + "\r\n");
        for (String w : words) b.append('$').append(w.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(w).append("\r\n");
        IOException last = null;
        for (int attempt = 0; attempt < 100; attempt++) { // until the server listens
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = socket.getInputStream();
                StringBuilder reply = new StringBuilder();
                for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) reply.append((char) c);
                return reply.toString();
            } catch (java.net.ConnectException e) {
                last = e;
                sleep(Duration.ofMillis(100));
            }
        }
        throw last;
    }

    static void awaitLine(Path log, String text) throws IOException {
        for (int i = 0; i < 200; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) return;
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("the log never said: " + text);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
