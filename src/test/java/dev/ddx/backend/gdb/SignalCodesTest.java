package dev.ddx.backend.gdb;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalCodesTest {
    @Test
    void codesAreNamedPerSignal() {
        assertEquals("SEGV_MAPERR", SignalCodes.name(11, 1));
        assertEquals("SEGV_ACCERR", SignalCodes.name(11, 2));
        assertEquals("FPE_INTDIV", SignalCodes.name(8, 1));
        assertEquals("BUS_ADRERR", SignalCodes.name(7, 2));
        assertEquals("ILL_ILLOPN", SignalCodes.name(4, 2));
        assertEquals("SI_TKILL", SignalCodes.name(6, -6));
        assertEquals("SI_USER", SignalCodes.name(6, 0));
        assertEquals("SI_KERNEL", SignalCodes.name(11, 0x80));
        assertEquals("", SignalCodes.name(6, 3));
    }

    @Test
    void onlyFaultSignalsHaveAFaultAddress() {
        assertTrue(SignalCodes.hasFaultAddress(11));
        assertTrue(SignalCodes.hasFaultAddress(8));
        assertFalse(SignalCodes.hasFaultAddress(6));
    }
}
