package dev.ddx.backend.logs.read;

import dev.ddx.model.LogEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessLinesTest {
    private static final String LOG = """
            10.0.0.7 - - [01/Mar/2024:10:00:00 +0000] "GET /api/orders/12 HTTP/1.1" 200 512 "-" "curl/8.0"
            10.0.0.8 - alice [01/Mar/2024:03:00:01 -0700] "POST /api/pay HTTP/2.0" 502 - "https://shop/cart" "Mozilla/5.0 (X11; \\"q\\")" 0.731
            10.0.0.9 - - [01/Mar/2024:10:00:02 +0000] "GET /missing HTTP/1.1" 404 153
            10.0.0.9 - - [01/Mar/2024:10:00:03 +0000] "-" 408 0 "-" "-"
            10.0.0.9 - - [01/Mar/2024:10:00:04 +0000] "\\x16\\x03\\x01" 400 157 "-" "-"
            a line of some other shape
            10.0.0.7 - - [01/Mar/2024:10:00:05 +0000] "GET /health HTTP/1.1" 299 2
            """;

    /**
     * Time, level from the status, and the message a text log would have had; the client, referer and
     * agent left out; a line of another shape is read as it is.
     */
    @Test
    void eachLineIsReadByItsTimeStatusAndRequest() throws IOException {
        assertEquals("access", EnvelopeTest.spec(LOG));
        List<LogEvent> events = EventReaderTest.read(LOG, Optional.empty());
        assertEquals(List.of(
                "Optional[2024-03-01T10:00:00Z] INFO OK (200): GET /api/orders/12 HTTP/1.1, sent 512 bytes",
                "Optional[2024-03-01T10:00:01Z] ERROR Bad Gateway (502): POST /api/pay HTTP/2.0, no body 0.731",
                "Optional[2024-03-01T10:00:02Z] WARN Not Found (404): GET /missing HTTP/1.1, sent 153 bytes",
                "Optional[2024-03-01T10:00:03Z] WARN Request Timeout (408): no request, sent 0 bytes",
                "Optional[2024-03-01T10:00:04Z] WARN Bad Request (400): \\x16\\x03\\x01, sent 157 bytes",
                "Optional.empty  a line of some other shape",
                "Optional[2024-03-01T10:00:05Z] INFO Success (299): GET /health HTTP/1.1, sent 2 bytes"),
                events.stream().map(e -> e.time() + " " + e.level() + " " + e.message()).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), events.stream().map(LogEvent::firstLine).toList(), "each keeps its line");
    }

    /** A request of 300,000 characters with quotes escaped in it is read like any other. */
    @Test
    void aLongRequestIsReadWhole() throws IOException {
        String path = "/q?" + "a\\\"b".repeat(60_000);
        String log = "10.0.0.7 - - [01/Mar/2024:10:00:00 +0000] \"GET " + path + " HTTP/1.1\" 414 0 \"-\" \"x\"\n";
        List<LogEvent> events = EventReaderTest.read(log.repeat(3), Optional.empty());
        assertEquals(3, events.size());
        assertEquals("URI Too Long (414): GET " + path + " HTTP/1.1, sent 0 bytes", events.get(2).message());
    }

    @Test
    void anAccessLogIsAskedForByNameOrFoundByMostOfItsLines() {
        assertEquals(HeaderSpec.Records.ACCESS, HeaderSpec.parse("access").records());
        assertEquals("access", HeaderSpec.parse(" ACCESS ").text());
        assertTrue(AccessLines.looksLike(List.of(LOG.split("\n"))));
        assertTrue(!AccessLines.looksLike(List.of("[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6",
                "10.0.0.7 - - [01/Mar/2024:10:00:00 +0000] \"GET / HTTP/1.1\" 200 5", "")), "Apache's error log is no access log");
        assertEquals("Service Unavailable", AccessLines.reason(503));
        assertEquals("Client Error", AccessLines.reason(418));
        assertEquals(Optional.of(Instant.parse("2024-03-01T10:00:01Z")),
                new TimestampParser(2024).parse("01/Mar/2024:03:00:01 -0700"));
    }
}
