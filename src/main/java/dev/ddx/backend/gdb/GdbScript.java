package dev.ddx.backend.gdb;

import dev.ddx.error.DebuggerException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The gdb helper {@code tools/gdb/ddx_gdb.py}, copied out of the jar to a file gdb can source. */
public final class GdbScript {
    private static final String RESOURCE = "/tools/gdb/ddx_gdb.py";
    private static Path extracted;

    private GdbScript() {
    }

    /** The path of the helper on disk (extracted once per JVM, deleted on exit). */
    public static synchronized Path path() {
        if (extracted != null && Files.exists(extracted)) return extracted;
        try (InputStream in = GdbScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new DebuggerException("this ddx build lacks " + RESOURCE, "rebuild ddx");
            // a fresh directory, but always the same file name, so recorded sessions stay comparable
            Path d = Files.createTempDirectory("ddx-gdb-");
            Path p = Files.write(d.resolve("ddx_gdb.py"), in.readAllBytes());
            d.toFile().deleteOnExit();
            p.toFile().deleteOnExit();
            extracted = p;
            return p;
        } catch (IOException e) {
            throw new DebuggerException("cannot write the gdb helper to a temporary file: " + e.getMessage(), "", e);
        }
    }
}
