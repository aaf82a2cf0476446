package dev.ddx.agent;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * ddx's model settings: the config file in the user's config directory
 * ({@code $XDG_CONFIG_HOME/ddx/config.properties}, else {@code ~/.config/ddx/config.properties}),
 * overridden by environment variables.
 *
 * <p>Keys (file / environment): {@code model} / {@code DDX_MODEL}; {@code openai.api_key} /
 * {@code OPENAI_API_KEY}; {@code openai.base_url} / {@code OPENAI_BASE_URL};
 * {@code anthropic.api_key} / {@code ANTHROPIC_API_KEY}; {@code anthropic.base_url} /
 * {@code ANTHROPIC_BASE_URL}; {@code ollama.host} / {@code OLLAMA_HOST};
 * {@code timeout_seconds} / {@code DDX_MODEL_TIMEOUT}.
 */
public record ModelConfig(Path file, boolean fileExists, Properties values) {

    private static final Map<String, String> ENV = Map.of(
            "model", "DDX_MODEL",
            "openai.api_key", "OPENAI_API_KEY",
            "openai.base_url", "OPENAI_BASE_URL",
            "anthropic.api_key", "ANTHROPIC_API_KEY",
            "anthropic.base_url", "ANTHROPIC_BASE_URL",
            "ollama.host", "OLLAMA_HOST",
            "timeout_seconds", "DDX_MODEL_TIMEOUT");

    /** The config file's path for this environment. */
    public static Path path(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return base.resolve("ddx").resolve("config.properties");
    }

    /** Reads the file (if any), then lets the environment override it. An unreadable file counts as empty. */
    public static ModelConfig load(Map<String, String> env) {
        Path p = path(env);
        Properties props = new Properties();
        boolean exists = Files.isRegularFile(p);
        if (exists) {
            try (Reader r = Files.newBufferedReader(p)) {
                props.load(r);
            } catch (IOException e) {
                exists = false;
            }
        }
        ENV.forEach((key, var) -> {
            String v = env.get(var);
            if (v != null && !v.isBlank()) props.setProperty(key, v.strip());
        });
        return new ModelConfig(p, exists, props);
    }

    public Optional<String> get(String key) {
        String v = values.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** Where a key's value came from, for {@code ddx models}: the env var, the file, or "the default". */
    public String origin(String key, Map<String, String> env) {
        String var = ENV.get(key);
        if (var != null && env.get(var) != null && !env.get(var).isBlank()) return "$" + var;
        return get(key).isPresent() ? file.toString() : "the default";
    }
}
