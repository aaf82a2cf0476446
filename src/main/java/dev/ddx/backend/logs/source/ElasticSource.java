package dev.ddx.backend.logs.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Documents from Elasticsearch or OpenSearch {@code <index>/_search}, oldest first: a
 * {@code query_string} query within a {@code @timestamp} range, sorted by time and paged with
 * {@code search_after}. The line is the document's {@code message} (or {@code log}, {@code msg});
 * {@code @timestamp}, {@code log.level}/{@code level}, thread and logger fields fill the event.
 *
 * @param since range start, or empty for none
 * @param until range end, or empty for none
 */
public record ElasticSource(String baseUrl, String index, String query, Optional<Instant> since,
                            Optional<Instant> until, int maxLines, int pageSize, HttpAuth auth) implements LogSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    @Override
    public String name() {
        return "es:" + index + (query.isBlank() ? "" : "?" + query);
    }

    @Override
    public LineStream open() {
        List<RawLine> out = new ArrayList<>();
        JsonNode after = null;
        while (out.size() < maxLines) {
            JsonNode hits = page(after, Math.min(pageSize, maxLines - out.size())).path("hits").path("hits");
            for (JsonNode hit : hits) out.add(line(out.size() + 1, hit.path("_source")));
            if (hits.size() < pageSize || hits.size() == 0) break;
            after = hits.get(hits.size() - 1).path("sort");
            if (after.isMissingNode() || after.isEmpty()) break;
        }
        return LineStream.of(out.iterator());
    }

    private JsonNode page(JsonNode after, int size) {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", size);
        ArrayNode sort = body.putArray("sort");
        sort.addObject().putObject("@timestamp").put("order", "asc");
        ObjectNode bool = body.putObject("query").putObject("bool");
        if (!query.isBlank()) bool.putArray("must").addObject().putObject("query_string").put("query", query);
        if (since.isPresent() || until.isPresent()) {
            ObjectNode range = bool.putArray("filter").addObject().putObject("range").putObject("@timestamp");
            since.ifPresent(t -> range.put("gte", t.toString()));
            until.ifPresent(t -> range.put("lte", t.toString()));
        }
        if (after != null) body.set("search_after", after);
        HttpUrl url = HttpUrl.get(baseUrl).newBuilder().addPathSegment(index).addPathSegment("_search").build();
        return HttpFetch.json("Elasticsearch", new Request.Builder().url(url)
                .post(RequestBody.create(body.toString(), JSON_TYPE)), auth);
    }

    private static RawLine line(long number, JsonNode src) {
        String text = field(src, "message", "log", "msg");
        if (text.isEmpty()) text = src.toString();
        Optional<Instant> time;
        try {
            String t = field(src, "@timestamp", "timestamp", "time");
            time = t.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            time = Optional.empty();
        }
        return new RawLine(number, text, time, field(src, "log.level", "level", "severity"),
                field(src, "process.thread.name", "thread", "thread_name"), field(src, "log.logger", "logger", "logger_name"));
    }

    /** A field by dotted name, nested ({@code {"log":{"level":…}}}) or flat ({@code "log.level"}). */
    private static String field(JsonNode src, String... names) {
        for (String n : names) {
            JsonNode v = src.get(n);
            if (v == null) {
                v = src;
                for (String part : n.split("\\.")) v = v == null ? null : v.get(part);
            }
            if (v != null && !v.isNull() && !v.isContainerNode()) return v.asText();
        }
        return "";
    }
}
