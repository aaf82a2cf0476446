package dev.ddx.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packed catalog shipped in the jar holds exactly what the YAML files (the source of truth)
 * say, and a packed form made from other texts is never used.
 */
class PackedCatalogTest {
    static final Path DIR = Path.of(System.getProperty("ddx.project.dir", System.getProperty("user.dir")), "prompts", "catalog");
    static final String REPACK = "after changing prompts/catalog, run: mvn -B -o -q package -DskipTests && "
            + "java -cp target/ddx.jar dev.ddx.catalog.PackedCatalog prompts/catalog src/main/resources/prompts/catalog/catalog.bin";

    @Test
    void theShippedPackedFormEqualsTheYamlFiles() throws IOException {
        String index = Files.readString(DIR.resolve("index.txt"));
        Catalog.Texts texts = Catalog.Texts.of(index, name -> Files.readString(DIR.resolve(name)));
        List<PatternEntry> fromYaml = Catalog.parse(texts.files(), texts.version()).all();
        Optional<List<PatternEntry>> packed = PackedCatalog.read(shipped(), PackedCatalog.checksum(index, texts.files()));
        assertTrue(packed.isPresent(), "catalog.bin was packed from other YAML texts; " + REPACK);
        assertEquals(fromYaml, packed.get(), REPACK);
        assertEquals(fromYaml, Catalog.load().all(), "the loaded catalog is the YAML catalog");
        assertEquals(texts.version(), Catalog.load().version());
    }

    @Test
    void aPackedFormOfOtherTextsIsNotUsed() throws IOException {
        String index = Files.readString(DIR.resolve("index.txt"));
        Catalog.Texts texts = Catalog.Texts.of(index, name -> Files.readString(DIR.resolve(name)));
        Catalog c = Catalog.parse(texts.files(), texts.version());
        long checksum = PackedCatalog.checksum(index, texts.files());
        byte[] packed = PackedCatalog.write(c.all(), c.version(), checksum);
        assertEquals(Optional.of(c.all()), PackedCatalog.read(packed, checksum));
        Map<String, String> edited = new LinkedHashMap<>(texts.files());
        edited.put("elementary.yaml", edited.get("elementary.yaml") + "\n# edited\n");
        assertEquals(Optional.empty(), PackedCatalog.read(packed, PackedCatalog.checksum(index, edited)));
        assertEquals(Optional.empty(), PackedCatalog.read(new byte[] {1, 2, 3}, checksum));
    }

    private static byte[] shipped() throws IOException {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream("prompts/catalog/" + PackedCatalog.FILE_NAME)) {
            assertNotNull(in, "catalog.bin is missing from the classpath; " + REPACK);
            return in.readAllBytes();
        }
    }
}
