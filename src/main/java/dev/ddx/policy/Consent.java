package dev.ddx.policy;

/** Asks whoever is in charge whether a command that can change things may run. */
@FunctionalInterface
public interface Consent {
    /** Headless without --allow-unsafe: always no. */
    Consent NEVER = (debugger, command, reason) -> false;
    /** Headless with --allow-unsafe: always yes. */
    Consent ALWAYS = (debugger, command, reason) -> true;

    boolean approve(String debugger, String command, String reason);
}
