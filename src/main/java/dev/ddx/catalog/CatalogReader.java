package dev.ddx.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads catalog files (YAML, each with a top-level {@code patterns:} list) into entries. Unknown
 * fields are errors, so a misspelt field name cannot silently drop data.
 */
final class CatalogReader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new Jdk8Module())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** The entries of one file, in file order; throws {@link CatalogException} naming the file. */
    List<PatternEntry> read(String fileName, String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (IOException e) {
            throw new CatalogException(List.of(fileName + " is not valid YAML: " + firstLine(e.getMessage())), e);
        }
        if (root == null || !root.path("patterns").isArray()) {
            throw new CatalogException(List.of(fileName + " has no top-level 'patterns:' list"));
        }
        List<PatternEntry> out = new ArrayList<>();
        int index = 0;
        for (JsonNode n : root.path("patterns")) {
            try {
                out.add(yaml.treeToValue(n, PatternEntry.class));
            } catch (IOException e) {
                String id = n.path("id").asText("#" + index);
                throw new CatalogException(List.of(fileName + ": entry " + id + ": " + firstLine(e.getMessage())), e);
            }
            index++;
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
