package dev.ddx.agent;

import dev.ddx.error.UsageException;
import dev.ddx.policy.SecretMasker;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The model a session talks to, chosen from {@code --model}, the config file or the environment:
 * {@code offline} (the built-in analyst, the default), {@code openai:MODEL} (any OpenAI-compatible
 * server through {@code OPENAI_BASE_URL}), {@code anthropic:MODEL} or {@code ollama:MODEL}.
 * Remote models get a {@link SecretMasker} seeded with the environment's secrets.
 *
 * @param name     as the user wrote it ("openai:gpt-4o-mini")
 * @param provider offline, openai, anthropic or ollama
 * @param modelId  the provider's model name, empty for offline
 * @param config   the settings it was resolved with
 * @param env      the environment it was resolved in
 */
public record ModelChoice(String name, String provider, String modelId, ModelConfig config, Map<String, String> env) {
    public static final List<String> PROVIDERS = List.of("offline", "openai", "anthropic", "ollama");

    /** Resolves {@code flag} (may be null) against the config file and the environment. */
    public static ModelChoice resolve(String flag, Map<String, String> env) {
        ModelConfig config = ModelConfig.load(env);
        String spec = flag != null && !flag.isBlank() ? flag.strip() : config.get("model").orElse(OfflineAnalyst.NAME);
        return of(spec, config, env);
    }

    public static ModelChoice of(String spec, ModelConfig config, Map<String, String> env) {
        if (spec.equals(OfflineAnalyst.NAME)) return new ModelChoice(spec, "offline", "", config, env);
        int colon = spec.indexOf(':');
        String provider = colon < 0 ? spec : spec.substring(0, colon);
        String id = colon < 0 ? "" : spec.substring(colon + 1).strip();
        if (!PROVIDERS.contains(provider) || provider.equals("offline")) {
            throw new UsageException("unknown model '" + spec + "'", "use offline, openai:MODEL, anthropic:MODEL or ollama:MODEL");
        }
        if (id.isEmpty()) throw new UsageException("'" + spec + "' names no model", "write e.g. " + provider + ":MODEL_NAME");
        return new ModelChoice(spec, provider, id, config, env);
    }

    public boolean offline() {
        return provider.equals("offline");
    }

    /** The configured model, or null for the offline analyst (the conversation builds it). */
    public ChatModel chatModel() {
        return switch (provider) {
            case "openai" -> OpenAiChatModel.builder().apiKey(openAiKey()).baseUrl(openAiUrl()).modelName(modelId)
                    .timeout(timeout()).maxRetries(0).httpClientBuilder(http()).build();
            case "anthropic" -> AnthropicChatModel.builder().apiKey(anthropicKey()).baseUrl(anthropicUrl()).modelName(modelId)
                    .timeout(timeout()).maxRetries(0).maxTokens(2048).httpClientBuilder(http()).build();
            case "ollama" -> OllamaChatModel.builder().baseUrl(ollamaUrl()).modelName(modelId).timeout(timeout())
                    .maxRetries(0).httpClientBuilder(http()).build();
            default -> null;
        };
    }

    /** The streaming twin of {@link #chatModel()}, or null for the offline analyst. */
    public StreamingChatModel streamingModel() {
        return switch (provider) {
            case "openai" -> OpenAiStreamingChatModel.builder().apiKey(openAiKey()).baseUrl(openAiUrl()).modelName(modelId)
                    .timeout(timeout()).httpClientBuilder(http()).build();
            case "anthropic" -> AnthropicStreamingChatModel.builder().apiKey(anthropicKey()).baseUrl(anthropicUrl())
                    .modelName(modelId).timeout(timeout()).maxTokens(2048).httpClientBuilder(http()).build();
            case "ollama" -> OllamaStreamingChatModel.builder().baseUrl(ollamaUrl()).modelName(modelId).timeout(timeout())
                    .httpClientBuilder(http()).build();
            default -> null;
        };
    }

    /** Puts this model (and, when remote, a secret masker) on a conversation builder. */
    public ConversationBuilder configure(ConversationBuilder b) {
        if (offline()) return b.model(OfflineAnalyst.NAME, null);
        return b.model(name, chatModel()).streamingModel(streamingModel()).secretMasker(masker());
    }

    /** A masker that knows the secrets of this environment (API keys and the like). */
    public SecretMasker masker() {
        return new SecretMasker().addSecretsFromEnvironment(env);
    }

    /** Where requests go, for {@code ddx models}. */
    public String endpoint() {
        return switch (provider) {
            case "openai" -> openAiUrl();
            case "anthropic" -> anthropicUrl();
            case "ollama" -> ollamaUrl();
            default -> "built in, no network";
        };
    }

    String openAiKey() {
        return config.get("openai.api_key").orElseGet(() -> {
            if (config.get("openai.base_url").isPresent()) return "none"; // local compatible servers need no key
            throw new UsageException("openai needs an API key", "set OPENAI_API_KEY, or openai.api_key in " + config.file());
        });
    }

    String openAiUrl() {
        return config.get("openai.base_url").orElse("https://api.openai.com/v1");
    }

    String anthropicKey() {
        return config.get("anthropic.api_key").orElseThrow(() -> new UsageException("anthropic needs an API key",
                "set ANTHROPIC_API_KEY, or anthropic.api_key in " + config.file()));
    }

    String anthropicUrl() {
        return config.get("anthropic.base_url").orElse("https://api.anthropic.com/v1/");
    }

    String ollamaUrl() {
        String h = config.get("ollama.host").orElse("http://localhost:11434");
        return h.startsWith("http") ? h : "http://" + h;
    }

    Duration timeout() {
        try {
            return Duration.ofSeconds(Long.parseLong(config.get("timeout_seconds").orElse("60")));
        } catch (NumberFormatException e) {
            throw new UsageException("timeout_seconds must be a whole number of seconds", "fix " + config.file());
        }
    }

    /** HTTP/1.1 only: some local OpenAI-compatible servers reject the h2c upgrade the JDK client tries. */
    static JdkHttpClientBuilder http() {
        return JdkHttpClient.builder().httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)));
    }
}
