package dev.ddx.policy;

/** Decides whether a debugger command may run as it is, needs the user's yes, or is refused. */
public interface CommandPolicy {

    /** The verdict for {@code command} in {@code debugger}'s dialect ("gdb", "cdb", "pdb"). */
    Verdict check(String debugger, String command);

    /** A policy's decision. */
    sealed interface Verdict permits Allow, Confirm, Deny {
    }

    /** Read-only: run it. */
    record Allow() implements Verdict {
    }

    /** It can change the target or the machine: run only with the user's yes (or --allow-unsafe). */
    record Confirm(String reason) implements Verdict {
    }

    /** Never run (malformed, or forbidden in every mode). */
    record Deny(String reason) implements Verdict {
    }
}
