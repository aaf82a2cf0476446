package dev.ddx.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A loaded module: a shared library or executable, a DLL, or a Python/JVM distribution.
 *
 * @param name      short name (libc.so.6, ntdll, requests)
 * @param path      full path when known, otherwise the name
 * @param buildId   GNU build-id or PDB signature, when known
 * @param start     load address, when known
 * @param end       end address (exclusive), when known
 * @param version   version string, when known
 * @param timestamp link timestamp as printed, when known
 * @param symbols   true when the debugger had symbols for it
 */
public record LoadedModule(
        String name,
        String path,
        Optional<String> buildId,
        OptionalLong start,
        OptionalLong end,
        Optional<String> version,
        Optional<String> timestamp,
        boolean symbols) {

    public LoadedModule {
        Objects.requireNonNull(name, "name");
        path = path == null || path.isEmpty() ? name : path;
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** True when the address falls inside this module's range. */
    public boolean contains(long address) {
        return start.isPresent() && end.isPresent()
                && Long.compareUnsigned(address, start.getAsLong()) >= 0
                && Long.compareUnsigned(address, end.getAsLong()) < 0;
    }
}
