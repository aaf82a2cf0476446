package dev.ddx.cli;

import dev.ddx.backend.logs.source.ElasticSource;
import dev.ddx.backend.logs.source.HttpAuth;
import dev.ddx.backend.logs.source.LogSource;
import dev.ddx.backend.logs.source.LokiSource;
import dev.ddx.error.UsageException;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options for log stores (Grafana Loki, Elasticsearch/OpenSearch) and their credentials. Credentials
 * come from {@code --bearer}/{@code --basic} or the environment ({@code DDX_LOGS_BEARER},
 * {@code DDX_LOGS_BASIC=user:password}), so they need not appear in shell history.
 */
final class LogsRemoteOptions {
    @Option(names = "--loki", paramLabel = "URL", description = "Grafana Loki base URL; reads /loki/api/v1/query_range.")
    String loki;

    @Option(names = "--es", paramLabel = "URL", description = "Elasticsearch/OpenSearch base URL; reads <index>/_search.")
    String es;

    @Option(names = "--index", paramLabel = "INDEX", description = "Elasticsearch index or pattern (default: logs-*).")
    String index = "logs-*";

    @Option(names = "--query", paramLabel = "Q", description = "LogQL selector for Loki (required with --loki); query_string for Elasticsearch.")
    String query;

    @Option(names = "--since", paramLabel = "TIME", description = "Range start: an ISO instant or an age like 30m, 2h, 1d (default for Loki: 1h).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Range end: an ISO instant or an age (default: now).")
    String until;

    @Option(names = "--limit", paramLabel = "N", description = "Read at most N lines from a store (default: 100000).")
    int limit = 100_000;

    @Option(names = "--bearer", paramLabel = "TOKEN", description = "Bearer token for the store (or DDX_LOGS_BEARER).")
    String bearer;

    @Option(names = "--basic", paramLabel = "USER:PASS", description = "HTTP basic credentials for the store (or DDX_LOGS_BASIC).")
    String basic;

    /** The remote sources asked for, read through the environment for credentials. */
    List<LogSource> sources(Map<String, String> env, Clock clock) {
        List<LogSource> out = new ArrayList<>();
        if (loki == null && es == null) return out;
        HttpAuth auth = auth(env);
        Instant now = clock.instant();
        Optional<Instant> from = Optional.ofNullable(since).map(s -> time(s, now));
        Instant to = Optional.ofNullable(until).map(s -> time(s, now)).orElse(now);
        if (loki != null) {
            if (query == null || query.isBlank()) throw new UsageException("--loki needs --query", "e.g. --query '{app=\"api\"}'");
            out.add(new LokiSource(url(loki), query, from.orElse(to.minus(Duration.ofHours(1))), to, limit, 1000, auth));
        }
        if (es != null) {
            out.add(new ElasticSource(url(es), index, query == null ? "" : query, from,
                    until == null && since == null ? Optional.empty() : Optional.of(to), limit, 1000, auth));
        }
        return out;
    }

    private HttpAuth auth(Map<String, String> env) {
        String b = bearer != null ? bearer : env.get("DDX_LOGS_BEARER");
        String u = basic != null ? basic : env.get("DDX_LOGS_BASIC");
        if (b != null && !b.isBlank()) return HttpAuth.bearer(b);
        if (u != null && !u.isBlank()) {
            try {
                return HttpAuth.basic(u);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--basic must be USER:PASSWORD", "e.g. --basic reader:secret");
            }
        }
        return HttpAuth.none();
    }

    private static String url(String u) {
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new UsageException("not an http(s) URL: " + u, "e.g. --loki http://localhost:3100");
        }
        return u;
    }

    /** An ISO instant, or an age before now: 45s, 30m, 2h, 7d. */
    static Instant time(String s, Instant now) {
        try {
            if (s.matches("\\d+[smhd]")) {
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                Duration d = switch (s.charAt(s.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                return now.minus(d);
            }
            return Instant.parse(s);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UsageException("cannot read the time " + s, "give an ISO instant (2024-03-01T10:00:00Z) or an age (30m, 2h, 1d)");
        }
    }
}
