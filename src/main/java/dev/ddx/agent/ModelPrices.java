package dev.ddx.agent;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * List prices of models ddx knows, in US dollars per million tokens (input, output), for the
 * cost shown after each answer. Unknown models have no cost; local and offline models cost nothing.
 */
public final class ModelPrices {
    private record Price(double input, double output) {
    }

    private static final Map<String, Price> PRICES = Map.ofEntries(
            Map.entry("gpt-4o-mini", new Price(0.15, 0.60)),
            Map.entry("gpt-4o", new Price(2.50, 10.00)),
            Map.entry("gpt-4.1", new Price(2.00, 8.00)),
            Map.entry("gpt-4.1-mini", new Price(0.40, 1.60)),
            Map.entry("gpt-4.1-nano", new Price(0.10, 0.40)),
            Map.entry("o4-mini", new Price(1.10, 4.40)),
            Map.entry("claude-3-5-haiku", new Price(0.80, 4.00)),
            Map.entry("claude-3-5-sonnet", new Price(3.00, 15.00)),
            Map.entry("claude-3-7-sonnet", new Price(3.00, 15.00)),
            Map.entry("claude-sonnet-4", new Price(3.00, 15.00)),
            Map.entry("claude-opus-4", new Price(15.00, 75.00)));

    private ModelPrices() {
    }

    /**
     * The cost of {@code usage} on {@code model} ("openai:gpt-4o-mini", "offline", …); empty when
     * the price is unknown. Dated model names ("claude-3-5-sonnet-20241022") match their family.
     */
    public static Optional<Double> cost(String model, Usage usage) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.equals(OfflineAnalyst.NAME) || m.startsWith("ollama:")) return Optional.of(0.0);
        String name = m.contains(":") ? m.substring(m.indexOf(':') + 1) : m;
        Price best = null;
        int bestLen = 0;
        for (Map.Entry<String, Price> e : PRICES.entrySet()) {
            if (name.startsWith(e.getKey()) && e.getKey().length() > bestLen) {
                best = e.getValue();
                bestLen = e.getKey().length();
            }
        }
        if (best == null) return Optional.empty();
        return Optional.of((usage.inputTokens() * best.input() + usage.outputTokens() * best.output()) / 1_000_000.0);
    }
}
