package dev.ddx.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The programs this machine has, for the live tests that start them. */
public final class Programs {
    private Programs() {
    }

    /** Whether an executable of this name is in a directory of the PATH. */
    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
