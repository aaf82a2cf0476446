package dev.ddx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs {@code ddx summarize} in-process and reads what it printed, for the scenario tests. */
final class Summaries {
    private Summaries() {
    }

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        List<String> patterns() {
            List<String> ids = new ArrayList<>();
            json().get("findings").forEach(f -> ids.add(f.get("pattern").asText()));
            return ids;
        }
    }

    static Result ddx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ddx.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code ddx summarize ARGS --format json --no-transcript}, which must exit 0. */
    static Result json(String... args) {
        List<String> all = new ArrayList<>(List.of("summarize", "--format", "json", "--no-transcript"));
        all.addAll(List.of(args));
        Result r = ddx(all.toArray(String[]::new));
        assertEquals(0, r.code(), "exit code; stderr: " + r.err() + "\nstdout: " + r.out());
        return r;
    }
}
