package dev.ddx.cli;

import dev.ddx.agent.ModelChoice;
import dev.ddx.agent.ModelConfig;
import dev.ddx.agent.ModelProviders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ddx models}: the model in use, the config file, and each provider with whether it answers. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the configured model providers and whether they answer.")
public final class ModelsCommand implements Callable<Integer> {

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "5", description = "Seconds to wait for each provider (default ${DEFAULT-VALUE}).")
    int timeout;

    @Spec
    CommandSpec spec;

    /** The environment read; tests replace it. */
    static Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = environment;
        ModelConfig config = ModelConfig.load(env);
        ModelChoice inUse = ModelChoice.resolve(null, env);
        out.println("model in use: " + inUse.name() + "  (from " + config.origin("model", env) + ")");
        out.println("config file:  " + config.file() + (Files.isRegularFile(config.file()) ? "" : "  (not present)"));
        out.println();
        List<ModelProviders.Status> all = ModelProviders.check(env, Duration.ofSeconds(Math.max(1, timeout)));
        for (ModelProviders.Status s : all) {
            String state = !s.configured() ? "not configured" : s.answers() ? "answers (" + s.detail() + ")" : "does not answer: " + s.detail();
            out.printf("%-10s %-48s %s%n", s.provider(), s.endpoint(), state);
        }
        out.flush();
        boolean inUseAnswers = all.stream().anyMatch(s -> s.provider().equals(inUse.provider()) && s.answers());
        return inUseAnswers ? 0 : 1;
    }
}
