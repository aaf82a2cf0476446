package dev.ddx.backend.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ddx.model.Snapshot;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Saved text for tests: the shared fixtures (skipped when absent) and this project's own captures. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The shared fixtures folder; the test is skipped when it is not there. */
    public static Path shared() {
        String dir = System.getProperty("ddx.fixtures.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "shared fixtures not found (system property ddx.fixtures.dir); parser fixture tests skipped");
        return Path.of(dir);
    }

    public static Path shared(String relative) {
        return shared().resolve(relative);
    }

    /** A file of src/test/resources/dumps, as text. */
    public static String own(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dumps/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource dumps/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shared fixture as lines named by its relative path (stable in goldens). */
    public static TextLines sharedLines(String relative) {
        try {
            return TextLines.of(relative, Files.readString(shared(relative), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TextLines ownLines(String name) {
        return TextLines.of(name, own(name));
    }

    /** Parses several named texts as one user's --dump arguments would be. */
    public static Snapshot snapshot(TextLines... files) {
        List<ParsedDump> parsed = new ArrayList<>();
        for (TextLines f : files) parsed.addAll(TextDumpParser.parse(f));
        return Timeline.of(parsed).combined();
    }

    public static ObjectMapper json() {
        return new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
                .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }
}
