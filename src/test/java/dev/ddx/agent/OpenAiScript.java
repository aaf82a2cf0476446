package dev.ddx.agent;

import mockwebserver3.MockResponse;
import okhttp3.Headers;

/** Responses of an OpenAI-compatible server, as JSON and as server-sent events, for MockWebServer. */
public final class OpenAiScript {
    private OpenAiScript() {
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static MockResponse toolCall(String id, String name, String argumentsJson) {
        String body = "{\"id\":\"r-" + id + "\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":" + q(id)
                + ",\"type\":\"function\",\"function\":{\"name\":" + q(name) + ",\"arguments\":" + q(argumentsJson) + "}}]},"
                + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":500,\"completion_tokens\":20,\"total_tokens\":520}}";
        return json(body);
    }

    static MockResponse text(String content) {
        String body = "{\"id\":\"r-text\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + q(content) + "},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":120,\"total_tokens\":1020}}";
        return json(body);
    }

    public static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).headers(Headers.of("Content-Type", "application/json")).body(body).build();
    }

    public static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).headers(Headers.of("Content-Type", "application/json"))
                .body("{\"error\":{\"message\":\"status " + code + "\",\"type\":\"server_error\"}}").build();
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : q(finish)) + "}]}\n\n";
    }

    static MockResponse streamedText(String... parts) {
        StringBuilder b = new StringBuilder(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String p : parts) b.append(chunk("{\"content\":" + q(p) + "}", null));
        b.append(chunk("{}", "stop"));
        b.append("data: {\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":800,\"completion_tokens\":60,\"total_tokens\":860}}\n\n");
        b.append("data: [DONE]\n\n");
        return sse(b.toString());
    }

    static MockResponse streamedToolCall(String id, String name, String argumentsJson) {
        String b = chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":" + q(id)
                + ",\"type\":\"function\",\"function\":{\"name\":" + q(name) + ",\"arguments\":\"\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + q(argumentsJson) + "}}]}", null)
                + chunk("{}", "tool_calls") + "data: [DONE]\n\n";
        return sse(b);
    }

    static MockResponse sse(String body) {
        return new MockResponse.Builder().code(200).headers(Headers.of("Content-Type", "text/event-stream")).body(body).build();
    }
}
