package dev.ddx.backend.text;

import dev.ddx.model.CodeOwner;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whose code a frame of saved text runs, from what the text shows: the JDK's packages,
 * Windows' own DLLs, the C library and loader, Python's standard library are the system's;
 * well-known third-party packages, shared libraries and site-packages are libraries; the rest is
 * the program's own.
 */
public final class CodeOwnerPolicy {
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.",
            "org.xml.sax.", "org.ietf.");
    private static final List<String> JAVA_LIBRARIES = List.of("org.springframework.", "org.apache.",
            "org.eclipse.", "org.hibernate.", "org.junit.", "junit.", "io.netty.", "com.google.", "com.fasterxml.",
            "org.slf4j.", "ch.qos.", "kotlin.", "kotlinx.", "scala.", "org.mortbay.", "reactor.", "io.micronaut.",
            "io.quarkus.", "okhttp3.", "okio.", "com.zaxxer.", "org.jboss.", "org.glassfish.", "org.h2.",
            "com.mysql.", "org.postgresql.", "net.bytebuddy.", "jakarta.", "groovy.", "org.codehaus.",
            "org.aspectj.", "org.gradle.", "org.mockito.", "org.assertj.", "com.amazonaws.", "software.amazon.",
            "io.grpc.", "io.micrometer.", "org.jetbrains.", "org.yaml.", "io.vertx.", "akka.", "org.quartz.",
            "com.mchange.", "org.mybatis.", "io.undertow.", "org.xnio.", "com.ibm.", "oracle.", "org.openqa.");
    private static final Set<String> WINDOWS = Set.of("ntdll", "kernel32", "kernelbase", "user32", "gdi32",
            "gdi32full", "win32u", "combase", "rpcrt4", "advapi32", "msvcrt", "ucrtbase", "msvcp_win", "ole32",
            "oleaut32", "shell32", "shlwapi", "comctl32", "ws2_32", "mswsock", "sechost", "bcrypt", "crypt32",
            "imm32", "shcore", "nt", "hal", "ntoskrnl", "ntkrnlmp", "ntkrnlpa", "msvcp140", "vcruntime140",
            "wow64", "wow64win", "wow64cpu", "cfgmgr32", "powrprof", "uxtheme", "dwmapi", "clr", "coreclr",
            "mscorwks", "mscorlib", "clrjit", "msctf", "kernel_appcore", "bcryptprimitives", "winhttp",
            "wininet", "dbghelp", "setupapi", "version", "winmm", "usp10", "lpk", "comdlg32", "iertutil",
            "urlmon", "secur32", "sspicli", "cryptbase", "profapi", "windows_storage", "msasn1", "nsi",
            "iphlpapi", "dnsapi", "userenv", "netapi32", "wtsapi32", "psapi", "apphelp");
    private static final List<String> NATIVE_SYSTEM = List.of("libc.so", "libc-", "libpthread", "ld-linux", "ld64.so",
            "ld.so", "libm.so", "libm-", "libdl", "librt", "libstdc++", "libgcc_s", "linux-vdso", "linux-gate",
            "libresolv", "libnsl", "libutil", "libcrypt.so", "libc.musl", "ld-musl", "libpython");
    /** Standard-library files as py-spy shows them (short names, no directory). */
    private static final Set<String> PYTHON_STDLIB = Set.of("threading.py", "queue.py", "socket.py", "selectors.py",
            "ssl.py", "subprocess.py", "socketserver.py", "selector_events.py", "base_events.py", "events.py",
            "tasks.py", "futures.py", "thread.py", "process.py", "connection.py", "pool.py", "synchronize.py",
            "runpy.py", "logging.py");

    private static final Set<String> GLIBC_DIRS = Set.of("nptl", "sysdeps", "posix", "stdlib", "misc", "io",
            "libio", "csu", "signal", "string", "elf", "malloc", "stdio-common", "time", "socket", "resolv",
            "dlfcn", "assert", "login", "rt", "termios", "wcsmbs", "iconv", "locale", "intl", "inet", "nss",
            "dirent", "pwd", "grp", "setjmp", "debug", "gmon", "htl", "mach", "hurd");

    private CodeOwnerPolicy() {
    }

    /** A Java frame, by its fully qualified class or method name. */
    public static CodeOwner java(String qualified) {
        for (String p : JDK) if (qualified.startsWith(p)) return CodeOwner.SYSTEM;
        for (String p : JAVA_LIBRARIES) if (qualified.startsWith(p)) return CodeOwner.LIBRARY;
        return CodeOwner.USER;
    }

    /** True when a Windows module (ntdll, KERNELBASE.dll) belongs to the operating system. */
    public static boolean windowsSystem(String module) {
        String m = module.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".dll", ".exe", ".sys")) {
            if (m.endsWith(ext)) m = m.substring(0, m.length() - ext.length());
        }
        return WINDOWS.contains(m) || m.startsWith("api-ms-win") || m.startsWith("ext-ms-win");
    }

    /** A Windows frame, by its module name. */
    public static CodeOwner windows(String module) {
        if (module.isEmpty()) return CodeOwner.UNKNOWN;
        return windowsSystem(module) ? CodeOwner.SYSTEM : CodeOwner.USER;
    }

    /**
     * A native frame as gdb printed it.
     *
     * @param function the function name
     * @param module   the shared object after "from", or empty when the frame is in the executable
     * @param file     the source file, or empty
     */
    public static CodeOwner nativeFrame(String function, String module, String file) {
        String base = module.substring(module.lastIndexOf('/') + 1);
        for (String p : NATIVE_SYSTEM) if (base.startsWith(p)) return CodeOwner.SYSTEM;
        if (function.equals("<signal handler called>") || function.startsWith("__kernel_vsyscall")) {
            return CodeOwner.SYSTEM;
        }
        if (!module.isEmpty()) return CodeOwner.LIBRARY;
        if (file.contains("/glibc") || glibcSource(file) || function.startsWith("__GI_")) return CodeOwner.SYSTEM;
        return CodeOwner.USER;
    }

    /** glibc's own sources as its debug info names them: {@code ./nptl/…}, {@code ../sysdeps/…}. */
    private static boolean glibcSource(String file) {
        String f = file;
        while (f.startsWith("./") || f.startsWith("../")) f = f.substring(f.indexOf('/') + 1);
        if (f.length() == file.length()) return false;
        int slash = f.indexOf('/');
        return slash > 0 && GLIBC_DIRS.contains(f.substring(0, slash));
    }

    /** A Python frame, by its file path. */
    public static CodeOwner python(String file) {
        String f = file.replace('\\', '/');
        if (f.contains("/site-packages/") || f.contains("/dist-packages/")) return CodeOwner.LIBRARY;
        if (f.startsWith("<frozen ") || f.contains("/lib/python") || f.contains("/lib64/python")
                || f.contains("/Lib/")) {
            return CodeOwner.SYSTEM;
        }
        if (f.startsWith("<")) return CodeOwner.UNKNOWN;
        if (!f.contains("/") && PYTHON_STDLIB.contains(f)) {
            return CodeOwner.SYSTEM;
        }
        return CodeOwner.USER;
    }
}
