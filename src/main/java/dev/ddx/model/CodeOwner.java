package dev.ddx.model;

/**
 * Whose code a frame runs: the program's own, a third-party library's, or the system's. The
 * backend decides (it knows the executable, sys.prefix, site-packages, the JDK); detectors use it
 * to find the origin module (the first frame of the program's own code).
 */
public enum CodeOwner {
    /** the program's own code: the executable, the user's script and its modules */
    USER,
    /** third-party code: a non-system shared library, a site-packages distribution, a jar */
    LIBRARY,
    /** the platform: libc, the dynamic loader, the kernel, Python's standard library, the JDK, ntdll */
    SYSTEM,
    UNKNOWN
}
