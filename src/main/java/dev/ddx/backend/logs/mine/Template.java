package dev.ddx.backend.logs.mine;

import java.util.ArrayList;
import java.util.List;

/**
 * A mined message template.
 *
 * @param id     stable within one mining run: {@code T1} is the template of the earliest message
 * @param tokens the template's tokens; {@code <*>} (alone or inside a token) marks a parameter
 */
public record Template(String id, List<String> tokens) {
    public Template {
        tokens = List.copyOf(tokens);
    }

    public String text() {
        return String.join(" ", tokens);
    }

    /** The values a message's tokens hold at this template's parameter positions. */
    public List<String> parameters(List<String> messageTokens) {
        List<String> out = new ArrayList<>();
        if (messageTokens.size() != tokens.size()) return out;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            int w = t.indexOf(TokenMasker.WILDCARD);
            if (w < 0) continue;
            String m = messageTokens.get(i);
            String prefix = t.substring(0, w);
            String suffix = t.substring(w + TokenMasker.WILDCARD.length());
            if (m.length() >= prefix.length() + suffix.length() && m.startsWith(prefix) && m.endsWith(suffix)) {
                out.add(m.substring(prefix.length(), m.length() - suffix.length()));
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
