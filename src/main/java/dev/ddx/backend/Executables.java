package dev.ddx.backend;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Programs found on the PATH, as a shell finds them. */
public final class Executables {
    private Executables() {
    }

    /**
     * The first of the names that is an executable file in a directory of the PATH, directories in
     * order (an empty entry is the current directory), or empty when none is.
     */
    public static Optional<Path> onPath(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
