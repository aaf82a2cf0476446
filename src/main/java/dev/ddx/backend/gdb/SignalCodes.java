package dev.ddx.backend.gdb;

import java.util.Map;

/** The names of Linux {@code si_code} values, per signal (SEGV_MAPERR, FPE_INTDIV, SI_TKILL, …). */
public final class SignalCodes {
    private static final Map<Integer, String> GENERIC = Map.of(0, "SI_USER", 0x80, "SI_KERNEL", -1, "SI_QUEUE",
            -2, "SI_TIMER", -3, "SI_MESGQ", -4, "SI_ASYNCIO", -5, "SI_SIGIO", -6, "SI_TKILL");
    private static final Map<Integer, String[]> BY_SIGNAL = Map.of(
            11, new String[]{"SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR", "SEGV_ACCADI",
                    "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR", "SEGV_MTESERR"},
            7, new String[]{"BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR", "BUS_MCEERR_AO"},
            8, new String[]{"FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES",
                    "FPE_FLTINV", "FPE_FLTSUB"},
            4, new String[]{"ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG",
                    "ILL_COPROC", "ILL_BADSTK"},
            5, new String[]{"TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT"},
            17, new String[]{"CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"});

    private SignalCodes() {
    }

    /** The name of {@code code} for signal {@code signo}, or empty when it has none. */
    public static String name(long signo, int code) {
        String[] specific = BY_SIGNAL.get((int) signo);
        if (code > 0 && code < 0x80 && specific != null && code <= specific.length) return specific[code - 1];
        return GENERIC.getOrDefault(code, "");
    }

    /** True for signals whose si_addr is the faulting address. */
    public static boolean hasFaultAddress(long signo) {
        return signo == 11 || signo == 7 || signo == 8 || signo == 4;
    }
}
