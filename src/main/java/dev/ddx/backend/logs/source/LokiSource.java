package dev.ddx.backend.logs.source;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lines from Grafana Loki's {@code /loki/api/v1/query_range}, oldest first. Pages forward in time:
 * when a page is full, the next starts one nanosecond after its newest line. Stream labels
 * {@code level}/{@code detected_level}, {@code thread} and {@code logger}/{@code component}/{@code app} fill the event fields
 * the line's own header lacks.
 *
 * @param baseUrl  the Loki base URL, e.g. {@code http://loki:3100}
 * @param query    a LogQL stream selector or pipeline, e.g. {@code {app="api"} |= "error"}
 * @param since    start of the range
 * @param until    end of the range
 * @param maxLines stop after this many lines
 * @param pageSize lines per request
 */
public record LokiSource(String baseUrl, String query, Instant since, Instant until, int maxLines, int pageSize,
                         HttpAuth auth) implements LogSource {

    @Override
    public String name() {
        return "loki:" + query;
    }

    @Override
    public LineStream open() {
        List<RawLine> all = new ArrayList<>();
        long start = nanos(since);
        long end = nanos(until);
        while (all.size() < maxLines) {
            List<long[]> order = new ArrayList<>();
            List<RawLine> page = page(start, end, Math.min(pageSize, maxLines - all.size()), order);
            all.addAll(page);
            if (page.size() < pageSize || order.isEmpty()) break;
            start = order.get(order.size() - 1)[0] + 1;
        }
        List<RawLine> numbered = new ArrayList<>();
        for (RawLine l : all) numbered.add(new RawLine(numbered.size() + 1, l.text(), l.time(), l.level(), l.thread(), l.component()));
        return LineStream.of(numbered.iterator());
    }

    private List<RawLine> page(long start, long end, int limit, List<long[]> order) {
        HttpUrl url = HttpUrl.get(baseUrl).newBuilder().addPathSegments("loki/api/v1/query_range")
                .addQueryParameter("query", query).addQueryParameter("start", Long.toString(start))
                .addQueryParameter("end", Long.toString(end)).addQueryParameter("limit", Integer.toString(limit))
                .addQueryParameter("direction", "forward").build();
        JsonNode root = HttpFetch.json("Loki", new Request.Builder().url(url).get(), auth);
        List<Object[]> entries = new ArrayList<>();
        for (JsonNode stream : root.path("data").path("result")) {
            JsonNode labels = stream.path("stream");
            String level = label(labels, "level", "detected_level", "severity");
            String thread = label(labels, "thread");
            String component = label(labels, "logger", "component", "app", "job");
            for (JsonNode v : stream.path("values")) {
                long ns = Long.parseLong(v.path(0).asText("0"));
                entries.add(new Object[] {ns, v.path(1).asText(""), level, thread, component});
            }
        }
        entries.sort(Comparator.comparingLong(e -> (Long) e[0]));
        List<RawLine> out = new ArrayList<>();
        for (Object[] e : entries) {
            long ns = (Long) e[0];
            order.add(new long[] {ns});
            Instant t = Instant.ofEpochSecond(ns / 1_000_000_000L, ns % 1_000_000_000L);
            out.add(new RawLine(0, (String) e[1], Optional.of(t), (String) e[2], (String) e[3], (String) e[4]));
        }
        return out;
    }

    private static String label(JsonNode labels, String... names) {
        for (String n : names) if (labels.hasNonNull(n)) return labels.get(n).asText();
        return "";
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
