package dev.ddx.backend.gdb;

import dev.ddx.model.CodeOwner;

import java.util.List;

/** Whose code a native module is: the executable's (USER), the platform's (SYSTEM) or a library's. */
public final class CodeOwners {
    private static final List<String> SYSTEM = List.of("libc.so", "libc-", "ld-linux", "ld-", "libpthread",
            "libstdc++", "libgcc_s", "libm.so", "libm-", "libdl", "librt", "libresolv", "libutil", "libanl",
            "libmvec", "linux-vdso", "linux-gate", "[vdso]", "libasan", "libubsan", "libtsan");

    private CodeOwners() {
    }

    /** The owner of code in {@code modulePath}, given the path of the program's executable. */
    public static CodeOwner of(String modulePath, String executablePath) {
        if (modulePath == null || modulePath.isEmpty()) return CodeOwner.UNKNOWN;
        if (modulePath.equals(executablePath)) return CodeOwner.USER;
        String base = basename(modulePath);
        if (modulePath.startsWith("system-supplied DSO")) return CodeOwner.SYSTEM;
        return SYSTEM.stream().anyMatch(base::startsWith) ? CodeOwner.SYSTEM : CodeOwner.LIBRARY;
    }

    /** The short name of a module: its file name, or {@code [vdso]} for the kernel's. */
    public static String basename(String modulePath) {
        if (modulePath == null || modulePath.isEmpty()) return "";
        if (modulePath.startsWith("system-supplied DSO")) return "[vdso]";
        int slash = modulePath.lastIndexOf('/');
        return slash >= 0 ? modulePath.substring(slash + 1) : modulePath;
    }
}
