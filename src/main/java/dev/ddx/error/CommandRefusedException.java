package dev.ddx.error;

/**
 * The command policy refused a debugger command (it could change the target or the machine and
 * nobody approved it). The command never reached the debugger. Goes back to the model as text.
 */
public class CommandRefusedException extends DdxException {
    public CommandRefusedException(String message, String hint) {
        super(message, hint, null);
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
