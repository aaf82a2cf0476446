package dev.ddx.agent;

import dev.ddx.catalog.Catalog;
import dev.ddx.policy.CommandGate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Incidents over hand-built snapshots, for tests outside this package (the REPL's). */
public final class TestIncidents {
    private TestIncidents() {
    }

    /** The SIGSEGV scenario with its crash finding; {@code out[0]} receives the backend. */
    public static Incident crash(CommandGate gate, FixedBackend[] out) {
        FixedBackend b = out[0] = crashBackend(gate);
        return new Incident(List.of(b), Optional.empty(), Catalog.load(), s -> List.of(Scenarios.crashFinding()), Optional.empty());
    }

    /** The same SIGSEGV scenario with the standard analysis (detectors, culprit, signature), as `ddx chat` has it. */
    public static Incident crashAnalysed(CommandGate gate, FixedBackend[] out) {
        FixedBackend b = out[0] = crashBackend(gate);
        return new Incident(List.of(b), Optional.empty(), Catalog.load(), null, Optional.empty());
    }

    private static FixedBackend crashBackend(CommandGate gate) {
        return new FixedBackend("gdb", Scenarios.crash(), gate,
                Map.of("info registers", "rip 0x401136 <parse_header+22>", "info signals", "SIGSEGV Yes Yes Yes Segmentation fault",
                        "call abort()", "Program terminated with signal SIGABRT"));
    }
}
