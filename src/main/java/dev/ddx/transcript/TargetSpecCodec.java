package dev.ddx.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddx.backend.TargetSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link TargetSpec} as a small JSON object and reads it back. Paths are kept exactly
 * as the user typed them (relative stays relative), so a transcript does not depend on where
 * the project was checked out; durations are written in milliseconds.
 */
final class TargetSpecCodec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TargetSpecCodec() {
    }

    static ObjectNode write(TargetSpec spec) {
        ObjectNode n = F.objectNode();
        if (spec instanceof TargetSpec.Core c) {
            n.put("kind", "core").put("core", c.core().toString()).put("executable", c.executable().toString());
        } else if (spec instanceof TargetSpec.Pid p) {
            n.put("kind", "pid").put("pid", p.pid()).put("observeMillis", p.observe().toMillis());
        } else if (spec instanceof TargetSpec.Run r) {
            n.put("kind", "run").put("hangAfterMillis", r.hangAfter().toMillis()).set("command", strings(r.command()));
        } else if (spec instanceof TargetSpec.Python p) {
            n.put("kind", "python").put("script", p.script().toString());
            n.set("arguments", strings(p.arguments()));
            n.put("hangAfterMillis", p.hangAfter().toMillis()).put("observeMillis", p.observe().toMillis());
            p.requirements().ifPresent(r -> n.put("requirements", r.toString()));
        } else if (spec instanceof TargetSpec.Dump d) {
            n.put("kind", "dump").set("files", strings(d.files()));
        } else if (spec instanceof TargetSpec.Cdb c) {
            n.put("kind", "cdb");
            c.dump().ifPresent(d -> n.put("dump", d.toString()));
            c.pid().ifPresent(p -> n.put("pid", p));
            c.cdbPath().ifPresent(p -> n.put("cdbPath", p.toString()));
        } else if (spec instanceof TargetSpec.Transcript t) {
            n.put("kind", "transcript").put("file", t.file().toString());
        } else {
            n.put("kind", spec.getClass().getSimpleName().toLowerCase());
        }
        return n;
    }

    /** @throws IllegalArgumentException when the object names no kind this ddx knows */
    static TargetSpec read(JsonNode n) {
        String kind = n.path("kind").asText("");
        return switch (kind) {
            case "core" -> new TargetSpec.Core(path(n, "core"), path(n, "executable"));
            case "pid" -> new TargetSpec.Pid(n.path("pid").asLong(), millis(n, "observeMillis"));
            case "run" -> new TargetSpec.Run(list(n.path("command")), millis(n, "hangAfterMillis"));
            case "python" -> new TargetSpec.Python(path(n, "script"), list(n.path("arguments")),
                    millis(n, "hangAfterMillis"), millis(n, "observeMillis"), optionalPath(n, "requirements"));
            case "dump" -> new TargetSpec.Dump(list(n.path("files")));
            case "cdb" -> new TargetSpec.Cdb(optionalPath(n, "dump"),
                    n.hasNonNull("pid") ? Optional.of(n.get("pid").asLong()) : Optional.empty(),
                    optionalPath(n, "cdbPath"));
            case "transcript" -> new TargetSpec.Transcript(path(n, "file"));
            default -> throw new IllegalArgumentException("unknown target kind '" + kind + "'");
        };
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static List<String> list(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static Path path(JsonNode n, String field) {
        if (!n.hasNonNull(field)) throw new IllegalArgumentException("target has no '" + field + "'");
        return Path.of(n.get(field).asText());
    }

    private static Optional<Path> optionalPath(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(Path.of(n.get(field).asText())) : Optional.empty();
    }

    private static Duration millis(JsonNode n, String field) {
        return Duration.ofMillis(n.path(field).asLong(0));
    }
}
