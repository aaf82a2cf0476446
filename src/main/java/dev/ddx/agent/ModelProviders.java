package dev.ddx.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ddx models} reports: each provider, whether it is configured, where it points, and
 * whether it answers. The check lists the server's models (no tokens are spent).
 */
public final class ModelProviders {

    /**
     * One provider's state.
     *
     * @param provider   offline, openai, anthropic, ollama
     * @param configured true when ddx has what it needs to use it
     * @param endpoint   where requests go, or why it is not configured
     * @param answers    true when the check got a good answer
     * @param detail     the check's outcome in a few words ("HTTP 200, 12 models", "connection refused")
     */
    public record Status(String provider, boolean configured, String endpoint, boolean answers, String detail) {
    }

    private ModelProviders() {
    }

    /** Checks every provider in this environment; each check waits at most {@code timeout}. */
    public static List<Status> check(Map<String, String> env, Duration timeout) {
        ModelConfig c = ModelConfig.load(env);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        List<Status> out = new ArrayList<>();
        out.add(new Status("offline", true, "built in, no network", true, "the offline analyst"));
        Optional<String> openAiKey = c.get("openai.api_key");
        Optional<String> openAiUrl = c.get("openai.base_url");
        if (openAiKey.isEmpty() && openAiUrl.isEmpty()) {
            out.add(new Status("openai", false, "set OPENAI_API_KEY (or OPENAI_BASE_URL for a compatible server)", false, ""));
        } else {
            String base = openAiUrl.orElse("https://api.openai.com/v1");
            out.add(probe(http, "openai", base, get(base, "/models", timeout)
                    .header("Authorization", "Bearer " + openAiKey.orElse("none")).build()));
        }
        Optional<String> anthropicKey = c.get("anthropic.api_key");
        if (anthropicKey.isEmpty()) {
            out.add(new Status("anthropic", false, "set ANTHROPIC_API_KEY", false, ""));
        } else {
            String base = c.get("anthropic.base_url").orElse("https://api.anthropic.com/v1/");
            out.add(probe(http, "anthropic", base, get(base, "/models", timeout).header("x-api-key", anthropicKey.get())
                    .header("anthropic-version", "2023-06-01").build()));
        }
        String ollama = ModelChoice.of("ollama:check", c, env).endpoint();
        out.add(probe(http, "ollama", ollama, get(ollama, "/api/tags", timeout).build()));
        return out;
    }

    private static HttpRequest.Builder get(String base, String path, Duration timeout) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return HttpRequest.newBuilder(URI.create(b + path)).timeout(timeout).GET();
    }

    private static Status probe(HttpClient http, String provider, String endpoint, HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean ok = r.statusCode() / 100 == 2;
            return new Status(provider, true, endpoint, ok, "HTTP " + r.statusCode() + (ok ? "" : " " + reason(r.statusCode())));
        } catch (IOException e) {
            return new Status(provider, true, endpoint, false, "not reachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(provider, true, endpoint, false, "interrupted");
        } catch (IllegalArgumentException e) {
            return new Status(provider, true, endpoint, false, "bad URL: " + e.getMessage());
        }
    }

    private static String reason(int code) {
        return switch (code) {
            case 401, 403 -> "(the key was refused)";
            case 404 -> "(no such endpoint: check the base URL)";
            case 429 -> "(rate-limited)";
            default -> code >= 500 ? "(server error)" : "";
        };
    }
}
