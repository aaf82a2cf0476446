package dev.ddx.backend.pdb;

import dev.ddx.error.DebuggerException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The Python side of the pdb backend: the files under {@code tools/pdb/} in the jar, copied to a
 * private temporary folder once per ddx run so python3 can execute them.
 */
public final class PdbDriver {
    /** The driver's files; the first is the entry point. */
    static final List<String> FILES = List.of("ddx_pdb_driver.py", "_ddx_driver.py", "_ddx_inspect.py",
            "_ddx_locks.py", "_ddx_observe.py");
    private static Path extracted;

    private PdbDriver() {
    }

    /** The entry script, extracted on first use. */
    public static synchronized Path entry() {
        if (extracted != null && Files.isRegularFile(extracted)) return extracted;
        try {
            Path dir = Files.createTempDirectory("ddx-pdb-");
            dir.toFile().deleteOnExit();
            for (String name : FILES) {
                try (InputStream in = PdbDriver.class.getResourceAsStream("/tools/pdb/" + name)) {
                    if (in == null) {
                        throw new DebuggerException("the pdb driver file tools/pdb/" + name + " is missing from ddx",
                                "rebuild ddx: mvn -B package");
                    }
                    Path target = dir.resolve(name);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().deleteOnExit();
                }
            }
            extracted = dir.resolve(FILES.get(0));
            return extracted;
        } catch (IOException e) {
            throw new DebuggerException("cannot unpack the pdb driver: " + e.getMessage(),
                    "check that the temporary folder is writable", e);
        }
    }

    /** The Python interpreter to run: {@code DDX_PYTHON} when set, else python3 on PATH. */
    public static String python() {
        String env = System.getenv("DDX_PYTHON");
        return env == null || env.isBlank() ? "python3" : env;
    }
}
