package dev.ddx.cli;

import dev.ddx.backend.logs.source.LogSource;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Options for log stores (Loki, Elasticsearch/OpenSearch) and their credentials. */
final class LogsRemoteOptions {
    @Option(names = "--loki", paramLabel = "URL", description = "Grafana Loki base URL (query_range API).")
    String loki;

    @Option(names = "--es", paramLabel = "URL", description = "Elasticsearch/OpenSearch base URL (_search API).")
    String es;

    List<LogSource> sources() {
        return new ArrayList<>();
    }
}
