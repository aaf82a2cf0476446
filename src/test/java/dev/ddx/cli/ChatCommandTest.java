package dev.ddx.cli;

import dev.ddx.agent.OpenAiScript;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ddx chat} and {@code ddx models} on the command line: usage errors, and the providers' check. */
class ChatCommandTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result ddx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Ddx.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @AfterEach
    void restore() {
        ModelsCommand.environment = System.getenv();
    }

    @Test
    void chatWithoutATargetSaysWhatToName() {
        Result r = ddx("chat", "--ask", "why?");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ddx: no target given\n"), r.err());
        assertTrue(r.err().contains("--log FILE"), r.err());
    }

    @Test
    void anUnknownModelIsAUsageError() throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "2026-01-01 10:00:00 ERROR boom\n");
        Result r = ddx("chat", "--log", log.toString(), "--model", "gpt9", "--ask", "why?", "--no-transcript");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown model 'gpt9'"), r.err());
    }

    @Test
    void chatWithoutATerminalNeedsAsk() throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "2026-01-01 10:00:00 ERROR boom\n");
        Result r = ddx("chat", "--log", log.toString(), "--no-transcript");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("ddx chat needs a terminal"), r.err());
    }

    @Test
    void askAnswersEveryQuestionInTurn() throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "2026-01-01 10:00:00 ERROR payment failed: timeout\n"
                + "2026-01-01 10:00:01 ERROR payment failed: timeout\n2026-01-01 10:00:02 INFO retry\n");
        Result r = ddx("chat", "--log", log.toString(), "--ask", "what happened?", "--ask", "what does pattern deadlock mean?",
                "--no-transcript");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("> what happened?\n"), r.out());
        assertTrue(r.out().contains("> what does pattern deadlock mean?\nDeadlock (deadlock): "), r.out());
    }

    @Test
    void theLastRunOnTheSameTargetIsFoundInItsTranscript() throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "2026-01-01 10:00:00 ERROR payment failed: timeout\n"
                + "2026-01-01 10:00:01 ERROR payment failed: timeout\n");
        Path transcripts = Files.createDirectories(dir.resolve("transcripts"));
        Result r = ddx("chat", "--log", log.toString(), "--ask", "what happened?", "--transcript",
                transcripts.resolve("20260101-100000-chat-0001.jsonl").toString());
        assertEquals(0, r.exit(), r.err());
        var previous = PreviousRuns.find(transcripts, "logs " + log);
        assertTrue(previous.isPresent(), "the transcript of the first run is found");
        assertTrue(previous.get().patternIds().contains("error-message"), previous.get().toString());
        assertTrue(PreviousRuns.find(transcripts, "logs /elsewhere.log").isEmpty(), "another target's run is not");
    }

    @Test
    void modelsListsEachProviderAndWhetherItAnswers() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (request.getTarget().endsWith("/v1/models")) return OpenAiScript.json("{\"data\":[]}");
                    return OpenAiScript.status(404);
                }
            });
            server.start();
            Path config = Files.createDirectories(dir.resolve("config/ddx")).resolve("config.properties");
            Files.writeString(config, "model=openai:gpt-4o-mini\nopenai.base_url=" + server.url("/v1") + "\n");
            ModelsCommand.environment = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString(), "HOME", dir.toString(),
                    "OLLAMA_HOST", server.url("/").toString());
            Result r = ddx("models", "--timeout", "5");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("model in use: openai:gpt-4o-mini  (from " + config + ")"), r.out());
            assertTrue(r.out().matches("(?s).*openai +http://[^ ]+/v1 +answers \\(HTTP 200\\).*"), r.out());
            assertTrue(r.out().contains("anthropic  set ANTHROPIC_API_KEY"), r.out());
            assertTrue(r.out().matches("(?s).*ollama .*does not answer: HTTP 404.*"), r.out());
        }
    }
}
