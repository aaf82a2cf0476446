package dev.ddx.backend.pdb;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.TargetSpec;
import org.junit.jupiter.api.Assumptions;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The Python scenario scripts under src/test/resources/scenarios/python, and how tests run them. */
public final class PythonScenarios {
    private PythonScenarios() {
    }

    /** Skips the calling test when python3 cannot be run. */
    public static void assumePython() {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PdbDriver.python(), "-c", "import sys; assert sys.version_info >= (3, 8)")
                    .redirectErrorStream(true).start();
            ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            ok = false;
        }
        Assumptions.assumeTrue(ok, "python3 (3.8 or newer) is not installed; the pdb backend cannot be tested");
    }

    public static Path script(String name) {
        URL url = PythonScenarios.class.getResource("/scenarios/python/" + name);
        if (url == null) throw new IllegalArgumentException("no scenario " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TargetSpec.Python spec(String name, double hangAfter, double observe, String... args) {
        return new TargetSpec.Python(script(name), List.of(args), Duration.ofMillis((long) (hangAfter * 1000)),
                Duration.ofMillis((long) (observe * 1000)), Optional.empty());
    }

    /** Runs a scenario under the driver with its output discarded. */
    public static PdbBackend open(TargetSpec.Python spec) {
        return PdbBackend.open(spec, BackendContext.headless(), PdbStdio.discard());
    }
}
