package dev.ddx.policy;

import dev.ddx.error.CommandRefusedException;

import java.util.Objects;

/**
 * The one place a debugger command passes before it reaches a debugger: the policy's verdict,
 * and the user's consent where the verdict asks for it.
 */
public final class CommandGate {
    private final CommandPolicy policy;
    private final Consent consent;

    public CommandGate(CommandPolicy policy, Consent consent) {
        this.policy = Objects.requireNonNull(policy);
        this.consent = Objects.requireNonNull(consent);
    }

    /** A gate for runs without a terminal: unsafe commands refused unless {@code allowUnsafe}. */
    public static CommandGate headless(boolean allowUnsafe) {
        return new CommandGate(new DefaultCommandPolicy(), allowUnsafe ? Consent.ALWAYS : Consent.NEVER);
    }

    public CommandPolicy policy() {
        return policy;
    }

    /**
     * Returns normally when {@code command} may run.
     *
     * @throws CommandRefusedException when it may not; the message says why
     */
    public void admit(String debugger, String command) {
        CommandPolicy.Verdict v = policy.check(debugger, command);
        if (v instanceof CommandPolicy.Deny d) {
            throw new CommandRefusedException("refused " + debugger + " command '" + command + "': " + d.reason(),
                    "this command is never run by ddx");
        }
        if (v instanceof CommandPolicy.Confirm c && !consent.approve(debugger, command, c.reason())) {
            throw new CommandRefusedException("refused " + debugger + " command '" + command + "': " + c.reason(),
                    "it can change the target or the machine; approve it in the REPL, or pass --allow-unsafe");
        }
    }
}
