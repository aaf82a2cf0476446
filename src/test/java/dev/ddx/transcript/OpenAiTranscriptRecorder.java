package dev.ddx.transcript;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records {@code transcripts/openai-tool-calls.jsonl}: the real {@code ddx chat} (a child JVM)
 * talks to an OpenAI-compatible server — an okhttp MockWebServer serving a scripted
 * tool-calling conversation — about a Python program that fails with a chain of exceptions.
 * Run by {@code tools/record-transcripts.sh}; the arguments are the transcript file and the
 * Python script.
 */
public final class OpenAiTranscriptRecorder {
    private OpenAiTranscriptRecorder() {
    }

    public static void main(String[] args) throws Exception {
        Path transcript = Path.of(args[0]);
        String script = args[1];
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(toolCall("call_1", "exception_info", "{}"));
            server.enqueue(toolCall("call_2", "source_context", "{\"thread_id\":\"\",\"frame\":0}"));
            server.enqueue(text("The program died of an uncaught KeyError: 'service' in start (chained_exceptions.py:24), "
                    + "raised while handling ConfigError, which was raised from ValueError: invalid literal for int() "
                    + "with base 10: '80a'.\n\nPatterns: nested-exception (the chain of three exceptions), "
                    + "managed-code-exception (the KeyError nobody caught).\n\nNext: `p raw` to see the config the handler read.\n\n"
                    + "Fix: the error handler reads raw[\"service\"], a key the config does not have; use raw.get(\"service\", \"?\")."));
            server.enqueue(toolCall("call_3", "run_debugger_command", "{\"command\":\"p raw\"}"));
            server.enqueue(text("raw is {'port': '80a'}: there is no 'service' key, so the handler's own message fails. "
                    + "Parse the port with a clear error and never index keys in an error path."));
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dddx.pdb.stdio=discard", "dev.ddx.cli.Ddx", "chat", "--model", "openai:gpt-4o-mini",
                    "--python", script, "--ask", "why did it crash?", "--ask", "what does raw hold?",
                    "--transcript", transcript.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            pb.environment().put("OPENAI_BASE_URL", server.url("/v1").toString());
            pb.environment().put("OPENAI_API_KEY", "sk-test-recording-0123456789abcdef");
            int code = pb.start().waitFor();
            System.exit(code);
        }
    }

    private static MockResponse toolCall(String id, String name, String argumentsJson) {
        return json("{\"id\":\"r-" + id + "\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":"
                + q(id) + ",\"type\":\"function\",\"function\":{\"name\":" + q(name) + ",\"arguments\":" + q(argumentsJson)
                + "}}]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":610,\"completion_tokens\":18,"
                + "\"total_tokens\":628}}");
    }

    private static MockResponse text(String content) {
        return json("{\"id\":\"r-text\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + q(content) + "},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1240,\"completion_tokens\":96,\"total_tokens\":1336}}");
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).headers(Headers.of("Content-Type", "application/json")).body(body).build();
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
