package dev.ddx.model;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A native signal (or Windows exception code) with its details.
 *
 * @param name         SIGSEGV, SIGABRT, … or the Windows code name
 * @param number       the signal number (or the exception code), 0 when unknown
 * @param code         si_code, when known
 * @param codeName     si_code's name (SEGV_MAPERR, FPE_INTDIV, SI_TKILL), or empty
 * @param faultAddress the faulting address (si_addr), when meaningful
 */
public record SignalInfo(String name, long number, OptionalInt code, String codeName, OptionalLong faultAddress) {
    public SignalInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        codeName = codeName == null ? "" : codeName;
        Objects.requireNonNull(faultAddress, "faultAddress");
    }
}
