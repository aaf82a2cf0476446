package dev.ddx.backend.text.gdb;

import java.util.List;

/** POSIX signal names and their Linux numbers, for banners that print only one of them. */
final class SignalNames {
    private static final List<String> NAMES = List.of("", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP",
            "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM",
            "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG",
            "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS");

    private SignalNames() {
    }

    static String name(int number) {
        return number > 0 && number < NAMES.size() ? NAMES.get(number) : "SIG" + number;
    }

    static long number(String name) {
        int i = NAMES.indexOf(name);
        return i < 0 ? 0 : i;
    }
}
