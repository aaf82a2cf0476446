package dev.ddx.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it leaves the machine (to a remote model) or is written to a
 * transcript: API keys and tokens, passwords in URLs and in key=value pairs, bearer and basic
 * authorization headers, private key blocks, and cloud keys (AWS, GCP, Azure).
 *
 * <p>Contract: consistent within one instance — the same secret always becomes the same mask
 * ({@code [SECRET-3]}), so a model can still tell that two places name the same credential;
 * {@link #mask} is idempotent (masks are never masked again); thread-safe. One instance per
 * session.
 */
public final class SecretMasker {

    /** Each rule names the group holding the secret itself; the rest of the match is kept. */
    private record Rule(Pattern pattern, int group) {
    }

    private static final List<Rule> RULES = List.of(
            // -----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY-----
            new Rule(Pattern.compile("(-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----)"), 1),
            // Authorization: Bearer xyz / Basic xyz, and "Bearer xyz" anywhere
            new Rule(Pattern.compile("(?i)\\b(?:bearer|basic|token)\\s+([A-Za-z0-9._~+/=-]{8,})"), 1),
            // scheme://user:password@host
            new Rule(Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]+:([^\\s@/]+)@"), 1),
            // AWS access key ids, GCP API keys, GitHub/Slack/OpenAI/Anthropic style tokens, JWTs
            new Rule(Pattern.compile("\\b((?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16})\\b"), 1),
            new Rule(Pattern.compile("\\b(AIza[0-9A-Za-z_-]{35})"), 1),
            new Rule(Pattern.compile("\\b((?:sk|pk|rk)-(?:ant-|proj-|live-|test-)?[A-Za-z0-9_-]{16,})"), 1),
            new Rule(Pattern.compile("\\b((?:ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]{20,})"), 1),
            new Rule(Pattern.compile("\\b(xox[abposr]-[A-Za-z0-9-]{10,})"), 1),
            new Rule(Pattern.compile("\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})"), 1),
            // Azure storage / service-bus connection strings
            new Rule(Pattern.compile("(?i)(?:AccountKey|SharedAccessKey|SharedAccessSignature)=([^;\\s\"']+)"), 1),
            // GCP service-account JSON: "private_key_id": "…"
            new Rule(Pattern.compile("\"private_key(?:_id)?\"\\s*:\\s*\"([^\"]{8,})\""), 1),
            // key=value, key: value, "key": "value" where the key names a secret
            new Rule(Pattern.compile("(?i)[\"']?\\b[\\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey"
                    + "|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|auth)[\\w.-]*[\"']?"
                    + "\\s*(?:=|:|=>)\\s*[\"']?([^\\s\"',;&}]{4,})"), 1));

    private static final Pattern MASK = Pattern.compile("\\[SECRET-\\d+]");

    private final Map<String, String> masks = new LinkedHashMap<>();
    private final List<String> known = new ArrayList<>();

    /** Adds a value that must always be masked wherever it appears (e.g. the value of an env var named *_TOKEN). */
    public synchronized SecretMasker addKnownSecret(String value) {
        if (value != null && value.strip().length() >= 6 && !known.contains(value)) {
            known.add(value);
            known.sort(Comparator.comparingInt(String::length).reversed());
        }
        return this;
    }

    /**
     * Adds the values of environment variables whose names say they hold a secret
     * (…KEY, …TOKEN, …SECRET, …PASSWORD, …CREDENTIALS).
     */
    public SecretMasker addSecretsFromEnvironment(Map<String, String> env) {
        env.forEach((k, v) -> {
            String n = k.toUpperCase(Locale.ROOT);
            if (n.matches(".*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?|AUTH)(_[A-Z0-9]+)?$")) addKnownSecret(v);
        });
        return this;
    }

    /** The text with every secret replaced by its mask. Null becomes empty. */
    public synchronized String mask(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        String out = text;
        for (String k : known) {
            if (out.contains(k)) out = out.replace(k, maskFor(k));
        }
        for (Rule r : RULES) out = apply(r, out);
        // a secret seen once is masked wherever it appears again, even where no rule would spot it
        List<String> seen = new ArrayList<>(masks.keySet());
        seen.sort(Comparator.comparingInt(String::length).reversed());
        for (String s : seen) {
            if (s.length() >= 6 && out.contains(s)) out = out.replace(s, masks.get(s));
        }
        return out;
    }

    /** How many distinct secrets this session has masked so far. */
    public synchronized int count() {
        return masks.size();
    }

    private String apply(Rule r, String text) {
        Matcher m = r.pattern().matcher(text);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String secret = m.group(r.group());
            if (secret == null || MASK.matcher(secret).find() || looksHarmless(secret)) continue;
            b.append(text, last, m.start(r.group())).append(maskFor(secret));
            last = m.end(r.group());
        }
        if (last == 0) return text;
        return b.append(text, last, text.length()).toString();
    }

    /** Values that are plainly not credentials: placeholders, booleans, null pointers. */
    private static boolean looksHarmless(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        return s.equals("null") || s.equals("none") || s.equals("true") || s.equals("false") || s.equals("0x0")
                || s.startsWith("<") || s.startsWith("$") || s.startsWith("${") || s.equals("****")
                || s.chars().allMatch(c -> c == '*' || c == 'x');
    }

    private String maskFor(String secret) {
        return masks.computeIfAbsent(secret, s -> "[SECRET-" + (masks.size() + 1) + "]");
    }
}
