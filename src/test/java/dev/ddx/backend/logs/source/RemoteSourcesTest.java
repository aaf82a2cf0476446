package dev.ddx.backend.logs.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddx.backend.logs.LogOptions;
import dev.ddx.backend.logs.LogSession;
import dev.ddx.backend.logs.LogSummary;
import dev.ddx.error.TargetUnreadableException;
import dev.ddx.model.LogEvent;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loki and Elasticsearch sources against a local server answering with each API's real response shape. */
class RemoteSourcesTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    static final Instant SINCE = Instant.parse("2024-03-01T10:00:00Z");
    static final Instant UNTIL = Instant.parse("2024-03-01T11:00:00Z");

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static List<RawLine> all(LogSource s) throws Exception {
        List<RawLine> out = new ArrayList<>();
        try (LineStream in = s.open()) {
            for (RawLine l = in.next(); l != null; l = in.next()) out.add(l);
        }
        return out;
    }

    static String lokiPage(String... nsAndLines) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < nsAndLines.length; i += 2) {
            if (values.length() > 0) values.append(',');
            values.append("[\"").append(nsAndLines[i]).append("\",\"").append(nsAndLines[i + 1]).append("\"]");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{\"stream\":{\"app\":\"api\",\"level\":\"error\"},"
                + "\"values\":[" + values + "]}],\"stats\":{}}}";
    }

    @Test
    void lokiPagesForwardInTimeFromTheNewestLineOfAFullPage() throws Exception {
        server.enqueue(json(200, lokiPage("1709287200000000000", "order 1 failed", "1709287201000000000", "order 2 failed")));
        server.enqueue(json(200, lokiPage("1709287202000000000", "order 3 failed")));
        LokiSource loki = new LokiSource(server.url("/").toString(), "{app=\"api\"}", SINCE, UNTIL, 100, 2, HttpAuth.bearer("s3cret"));
        List<RawLine> lines = all(loki);
        assertEquals(List.of("order 1 failed", "order 2 failed", "order 3 failed"), lines.stream().map(RawLine::text).toList());
        assertEquals(Instant.parse("2024-03-01T10:00:01Z"), lines.get(1).time().orElseThrow());
        assertEquals("error", lines.get(0).level());
        assertEquals("api", lines.get(0).component());
        RecordedRequest first = server.takeRequest();
        assertEquals("/loki/api/v1/query_range", first.getUrl().encodedPath());
        assertEquals("{app=\"api\"}", first.getUrl().queryParameter("query"));
        assertEquals("1709287200000000000", first.getUrl().queryParameter("start"));
        assertEquals("forward", first.getUrl().queryParameter("direction"));
        assertEquals("Bearer s3cret", first.getHeaders().get("Authorization"));
        RecordedRequest second = server.takeRequest();
        assertEquals("1709287201000000001", second.getUrl().queryParameter("start"));
    }

    @Test
    void lokiLinesBecomeEventsWithTheStoresLevelAndTime() throws Exception {
        server.enqueue(json(200, lokiPage("1709287200000000000", "order 1 failed")));
        LokiSource loki = new LokiSource(server.url("/").toString(), "{app=\"api\"}", SINCE, UNTIL, 100, 10, HttpAuth.none());
        try (LogSession s = LogSession.open(List.of(), LogOptions.defaults().withRemote(List.of(loki)))) {
            LogSummary summary = s.summary();
            assertEquals(1, summary.events());
            assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:00Z")), summary.start());
            List<LogEvent> hits = s.search("failed", 10);
            assertEquals("ERROR", hits.get(0).level());
            assertEquals("loki:{app=\"api\"}", hits.get(0).file());
        }
    }

    static String esPage(int from, int n, int total) {
        StringBuilder hits = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            if (hits.length() > 0) hits.append(',');
            String ts = Instant.parse("2024-03-01T10:00:00Z").plusSeconds(i).toString();
            hits.append("{\"_index\":\"logs-1\",\"_id\":\"").append(i).append("\",\"_score\":null,\"_source\":{\"@timestamp\":\"")
                    .append(ts).append("\",\"message\":\"request ").append(i).append(" took ").append(10 * i)
                    .append(" ms\",\"log\":{\"level\":\"INFO\",\"logger\":\"web\"},\"process\":{\"thread\":{\"name\":\"http-")
                    .append(i % 2).append("\"}}},\"sort\":[").append(Instant.parse(ts).toEpochMilli()).append("]}");
        }
        return "{\"took\":3,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0},"
                + "\"hits\":{\"total\":{\"value\":" + total + ",\"relation\":\"eq\"},\"max_score\":null,\"hits\":[" + hits + "]}}";
    }

    @Test
    void elasticsearchPagesWithSearchAfterAndReadsSourceFields() throws Exception {
        server.enqueue(json(200, esPage(0, 2, 3)));
        server.enqueue(json(200, esPage(2, 1, 3)));
        ElasticSource es = new ElasticSource(server.url("/").toString(), "logs-*", "level:INFO", Optional.of(SINCE),
                Optional.of(UNTIL), 100, 2, HttpAuth.basic("reader:pa:ss"));
        List<RawLine> lines = all(es);
        assertEquals(3, lines.size());
        assertEquals("request 2 took 20 ms", lines.get(2).text());
        assertEquals("INFO", lines.get(0).level());
        assertEquals("http-1", lines.get(1).thread());
        assertEquals("web", lines.get(1).component());
        RecordedRequest first = server.takeRequest();
        assertEquals("/logs-*/_search", first.getUrl().encodedPath());
        assertTrue(first.getHeaders().get("Authorization").startsWith("Basic "));
        JsonNode body = new ObjectMapper().readTree(first.getBody().utf8());
        assertEquals("level:INFO", body.at("/query/bool/must/0/query_string/query").asText());
        assertEquals(SINCE.toString(), body.at("/query/bool/filter/0/range/@timestamp/gte").asText());
        JsonNode second = new ObjectMapper().readTree(server.takeRequest().getBody().utf8());
        assertEquals(Instant.parse("2024-03-01T10:00:01Z").toEpochMilli(), second.at("/search_after/0").asLong());
    }

    @Test
    void refusedCredentialsAreOneClearLine() {
        server.enqueue(json(401, "{\"error\":\"unauthorized\"}"));
        ElasticSource es = new ElasticSource(server.url("/").toString(), "logs", "", Optional.empty(), Optional.empty(), 10, 10, HttpAuth.none());
        TargetUnreadableException e = assertThrows(TargetUnreadableException.class, () -> all(es));
        assertTrue(e.getMessage().startsWith("Elasticsearch at ") && e.getMessage().endsWith("refused the credentials (HTTP 401)"), e.getMessage());
        assertTrue(e.hint().contains("DDX_LOGS_BEARER"));
    }

    @Test
    void aServerErrorIsOneClearLineWithTheStatus() {
        server.enqueue(json(500, "{\"message\":\"too many outstanding requests\"}\nmore"));
        LokiSource loki = new LokiSource(server.url("/").toString(), "{app=\"api\"}", SINCE, UNTIL, 100, 10, HttpAuth.none());
        TargetUnreadableException e = assertThrows(TargetUnreadableException.class, () -> all(loki));
        assertEquals("Loki query failed: HTTP 500 {\"message\":\"too many outstanding requests\"}", e.getMessage());
    }
}
