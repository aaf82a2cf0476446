package dev.ddx.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pattern catalog: the one source detectors, prompts, `ddx patterns` and reports read.
 * Loaded from the classpath ({@code prompts/catalog/}, listed by {@code index.txt}).
 */
public final class Catalog {
    private static final String ROOT = "prompts/catalog/";
    private static volatile Catalog shared;

    private final Map<String, PatternEntry> byId;
    private final String version;

    public Catalog(List<PatternEntry> entries, String version) {
        Map<String, PatternEntry> m = new LinkedHashMap<>();
        for (PatternEntry e : entries) {
            if (m.putIfAbsent(e.id(), e) != null) throw new IllegalStateException("duplicate catalog id " + e.id());
        }
        this.byId = Collections.unmodifiableMap(m);
        this.version = version;
    }

    /** The catalog shipped in the jar, loaded once. */
    public static Catalog load() {
        Catalog c = shared;
        if (c == null) {
            synchronized (Catalog.class) {
                if (shared == null) shared = loadFromClasspath();
                c = shared;
            }
        }
        return c;
    }

    private static Catalog loadFromClasspath() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new Jdk8Module())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        List<PatternEntry> entries = new ArrayList<>();
        String version = "0";
        for (String file : resourceLines(ROOT + "index.txt")) {
            if (file.startsWith("version:")) {
                version = file.substring("version:".length()).strip();
                continue;
            }
            try (InputStream in = open(ROOT + file)) {
                JsonNode root = yaml.readTree(in);
                for (JsonNode n : root.path("patterns")) entries.add(yaml.treeToValue(n, PatternEntry.class));
            } catch (IOException e) {
                throw new UncheckedIOException("catalog file " + file + " is malformed: " + e.getMessage(), e);
            }
        }
        return new Catalog(entries, version);
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = open(name)) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) out.add(l);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Catalog.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IOException("missing resource " + name);
        return in;
    }

    /** Every entry, in catalog order. */
    public List<PatternEntry> all() {
        return List.copyOf(byId.values());
    }

    public Optional<PatternEntry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The catalog's version, recorded in transcript headers. */
    public String version() {
        return version;
    }
}
