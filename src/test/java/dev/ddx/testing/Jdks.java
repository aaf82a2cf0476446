package dev.ddx.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Java installations of this machine, as the launcher tells their version: the {@code release} file of each home. */
public final class Jdks {
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private Jdks() {
    }

    /**
     * A Java home of this feature version or later: {@code -Dddx.java25.home} if set, else the newest
     * under {@code /usr/lib/jvm} (where Debian and Temurin's packages put them).
     */
    public static Optional<Path> atLeast(int feature) {
        String given = System.getProperty("ddx.java25.home");
        if (given != null && !given.isBlank()) return Optional.of(Path.of(given)).filter(h -> feature(h) >= feature);
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return Optional.empty();
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> feature(h) >= feature && Files.isExecutable(h.resolve("bin/java")))
                    .max(Comparator.comparingInt(Jdks::feature).thenComparing(Comparator.naturalOrder()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version of the Java at this home (17, 25, …), or 0 when its release file does not say. */
    public static int feature(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
