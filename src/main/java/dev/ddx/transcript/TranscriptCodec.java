package dev.ddx.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ddx.backend.TargetSpec;
import dev.ddx.event.SessionEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns headers and events into transcript lines and back (see {@link TranscriptFormat}).
 * Every string value written passes through a mask first, so secrets never reach the file.
 */
public final class TranscriptCodec {
    private final UnaryOperator<String> mask;
    private final ObjectMapper mapper = TranscriptFormat.mapper();

    /** @param mask applied to every string value before it is written; the identity writes text as it is */
    public TranscriptCodec(UnaryOperator<String> mask) {
        this.mask = mask;
    }

    public String headerLine(TranscriptHeader h) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", TranscriptFormat.HEADER_TYPE).put("format", h.format()).put("time", h.time().toString());
        n.put("ddxVersion", h.ddxVersion()).put("mode", h.mode()).put("target", h.target())
                .put("model", h.model()).put("catalogVersion", h.catalogVersion());
        ArrayNode targets = n.putArray("targets");
        h.targets().forEach(t -> targets.add(TargetSpecCodec.write(t)));
        h.scenario().ifPresent(s -> n.put("scenario", s));
        ArrayNode args = n.putArray("arguments");
        h.arguments().forEach(args::add);
        return write(n);
    }

    public String eventLine(SessionEvent e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", TranscriptFormat.typeName(e));
        n.setAll((ObjectNode) mapper.valueToTree(e));
        return write(n);
    }

    private String write(ObjectNode n) {
        ObjectNode masked = (ObjectNode) masked(n);
        masked.put("type", n.get("type").asText());
        try {
            return mapper.writeValueAsString(masked);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a transcript line: " + ex.getMessage(), ex);
        }
    }

    private JsonNode masked(JsonNode n) {
        if (n.isTextual()) return TextNode.valueOf(mask.apply(n.asText()));
        if (n.isObject()) {
            ObjectNode out = mapper.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                out.set(f.getKey(), masked(f.getValue()));
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = mapper.createArrayNode();
            n.forEach(e -> out.add(masked(e)));
            return out;
        }
        return n;
    }

    /** @throws IllegalArgumentException naming what is wrong with a parsed header object */
    static TranscriptHeader readHeader(JsonNode n) {
        if (!TranscriptFormat.HEADER_TYPE.equals(n.path("type").asText())) {
            throw new IllegalArgumentException("it is not a ddx transcript header (no \"type\":\"header\")");
        }
        if (!n.path("format").canConvertToInt()) throw new IllegalArgumentException("the header has no format version");
        List<TargetSpec> targets = new ArrayList<>();
        for (JsonNode t : n.path("targets")) targets.add(TargetSpecCodec.read(t));
        List<String> arguments = new ArrayList<>();
        n.path("arguments").forEach(a -> arguments.add(a.asText()));
        Instant time;
        try {
            time = Instant.parse(n.path("time").asText());
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("the header's time '" + n.path("time").asText() + "' is not an instant");
        }
        return new TranscriptHeader(n.get("format").asInt(), time, n.path("ddxVersion").asText(),
                n.path("mode").asText(), n.path("target").asText(), n.path("model").asText(),
                n.path("catalogVersion").asText(), targets,
                n.hasNonNull("scenario") ? Optional.of(n.get("scenario").asText()) : Optional.empty(), arguments);
    }

    /**
     * @throws UnknownEventTypeException when the type is not one this ddx knows
     * @throws IllegalArgumentException when the fields do not make that event
     */
    static SessionEvent readEvent(JsonNode n) {
        String type = n.path("type").asText("");
        if (type.isEmpty()) throw new IllegalArgumentException("the line has no event \"type\"");
        Class<? extends SessionEvent> c = TranscriptFormat.eventType(type)
                .orElseThrow(() -> new UnknownEventTypeException(type));
        ObjectNode fields = ((ObjectNode) n).deepCopy();
        fields.remove("type");
        try {
            return TranscriptFormat.mapper().treeToValue(fields, c);
        } catch (JsonProcessingException | RuntimeException ex) {
            String why = ex instanceof JsonProcessingException j ? j.getOriginalMessage() : ex.getMessage();
            throw new IllegalArgumentException("it is not a valid " + type + " event: " + firstLine(why));
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A line names an event type this ddx does not know (written by a newer ddx, or edited). */
    static final class UnknownEventTypeException extends IllegalArgumentException {
        final String type;

        UnknownEventTypeException(String type) {
            super("unknown event type '" + type + "'");
            this.type = type;
        }
    }
}
