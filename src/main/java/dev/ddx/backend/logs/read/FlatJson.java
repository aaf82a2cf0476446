package dev.ddx.backend.logs.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One line's JSON object as a structured log's reading needs it: its top-level values by name, in
 * order, and the scalar leaves of the nested objects under a few names, by dotted name
 * ({@code log.level} for {@code {"log":{"level":…}}}). Read with jackson-core's streaming parser:
 * a tree of the whole object per line took about twice the time, and most of a run's warm-up.
 * {@link #of(JsonNode)} gives the same from a tree, for the lines that need one.
 */
final class FlatJson {
    /** What a value is; {@code OTHER} is an object or array, whose text is empty. */
    enum Kind { STRING, INT, FLOAT, BOOL, NULL, OTHER }

    /** A value as written: a string's text unescaped, a number's digits as they stand. */
    record Value(String text, Kind kind) {
        boolean scalar() {
            return kind != Kind.NULL && kind != Kind.OTHER;
        }

        boolean number() {
            return kind == Kind.INT || kind == Kind.FLOAT;
        }

        /** The text a tree's node gives: a float as Java writes a double (1e3 is {@code 1000.0}), an object none. */
        String asText() {
            return switch (kind) {
                case FLOAT -> Double.toString(Double.parseDouble(text));
                case OTHER -> "";
                default -> text;
            };
        }

        double asDouble() {
            return number() ? Double.parseDouble(text) : 0;
        }

        long asLong() {
            if (kind == Kind.FLOAT) return (long) Double.parseDouble(text);
            if (kind != Kind.INT) return 0;
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return new java.math.BigInteger(text).longValue(); // as a tree's big integer gives it
            }
        }
    }

    /** Read when a value is an object with one of these names; {@code NEEDS_TREE} when one of {@code tree} is. */
    static final FlatJson NEEDS_TREE = new FlatJson();
    /** An object's or array's value, and null's. */
    static final Value OTHER = new Value("", Kind.OTHER);
    static final Value NULL = new Value("null", Kind.NULL);

    private static final class Factory {
        static final JsonFactory JSON = new JsonFactory();
    }

    final Map<String, Value> top = new LinkedHashMap<>();
    final Map<String, Value> nested = new HashMap<>();
    /** The object itself, when read from one. */
    private JsonNode tree;

    private FlatJson() {
    }

    /** An object with no fields yet, to be read into. */
    static FlatJson empty() {
        return new FlatJson();
    }

    /**
     * The object on this line, or null when the line is no JSON object (or not valid JSON); what
     * follows the object is ignored, as a tree's reading does. {@code prefixes} are the dotted names
     * whose objects' scalars are kept; an object under one of {@code tree}'s names, or a name given
     * twice, gives {@link #NEEDS_TREE}.
     */
    static FlatJson read(String line, Set<String> prefixes, Set<String> tree) {
        try (JsonParser p = Factory.JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            FlatJson o = new FlatJson();
            return o.fields(p, "", o.top, prefixes, tree) ? o : NEEDS_TREE;
        } catch (IOException e) { // not JSON, or cut short
            return null;
        }
    }

    /**
     * The fields of the object the parser stands at the start of, to its end, into {@code into} under
     * {@code prefix}; the scalars of objects under {@code prefixes} into {@link #nested}. False when
     * the object needs a tree: a name given twice, or an object under one of {@code tree}'s names.
     */
    private boolean fields(JsonParser p, String prefix, Map<String, Value> into, Set<String> prefixes, Set<String> tree)
            throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = prefix + p.currentName();
            t = p.nextToken();
            if (into.containsKey(name)) return false;
            if (t == JsonToken.START_OBJECT && tree.contains(name)) return false;
            if (t == JsonToken.START_OBJECT && prefixes.contains(name)) {
                if (!fields(p, name + ".", nested, prefixes, tree)) return false;
            } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            into.put(name, value(p, t));
        }
        return true;
    }

    /** The same from a tree: its fields, and the leaves of objects under {@code prefixes}. */
    static FlatJson of(JsonNode object, Set<String> prefixes) {
        FlatJson o = new FlatJson();
        o.tree = object;
        o.flatten(object, "", prefixes, true);
        return o;
    }

    /** The object this was read from, if it was read as a tree. */
    JsonNode tree() {
        return tree;
    }

    private void flatten(JsonNode object, String prefix, Set<String> prefixes, boolean atTop) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = prefix + f.getKey();
            JsonNode v = f.getValue();
            Value value = v.isTextual() ? new Value(v.textValue(), Kind.STRING)
                    : v.isIntegralNumber() ? new Value(v.asText(), Kind.INT)
                    : v.isNumber() ? new Value(v.asText(), Kind.FLOAT)
                    : v.isBoolean() ? new Value(v.asText(), Kind.BOOL)
                    : v.isNull() ? NULL : OTHER;
            (atTop ? top : nested).put(name, value);
            if (v.isObject() && prefixes.contains(name)) flatten(v, name + ".", prefixes, false);
        }
    }

    private static Value value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> new Value(p.getText(), Kind.STRING);
            case VALUE_NUMBER_INT -> new Value(p.getText(), Kind.INT);
            case VALUE_NUMBER_FLOAT -> new Value(p.getText(), Kind.FLOAT);
            case VALUE_TRUE, VALUE_FALSE -> new Value(p.getText(), Kind.BOOL);
            case VALUE_NULL -> NULL;
            default -> OTHER;
        };
    }
}
