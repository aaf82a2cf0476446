package dev.ddx.agent;

/**
 * Tokens used by one answer (or a whole session) and what they cost.
 *
 * @param inputTokens  tokens sent to the model
 * @param outputTokens tokens the model produced
 * @param requests     model requests made
 * @param estimated    true when a count is ddx's estimate (characters / 4) instead of the provider's
 */
public record Usage(int inputTokens, int outputTokens, int requests, boolean estimated) {
    public static final Usage NONE = new Usage(0, 0, 0, false);

    public Usage plus(int in, int out, boolean est) {
        return new Usage(inputTokens + in, outputTokens + out, requests + 1, estimated || est);
    }

    public int total() {
        return inputTokens + outputTokens;
    }

    /** ddx's token estimate when a provider gives none: one token per four characters, rounded up. */
    public static int estimate(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }
}
