package dev.ddx.error;

/** The debugger failed: it died, or answered with something unusable. The session ends cleanly. Exit 1. */
public class DebuggerException extends DdxException {
    public DebuggerException(String message, String hint) {
        super(message, hint, null);
    }

    public DebuggerException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.FAILURE;
    }
}
