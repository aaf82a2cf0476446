package dev.ddx.error;

/** The target exists but cannot be examined (not a core, truncated, wrong executable, cannot attach). Exit 3. */
public class TargetUnreadableException extends DdxException {
    public TargetUnreadableException(String message, String hint) {
        super(message, hint, null);
    }

    public TargetUnreadableException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.TARGET_UNREADABLE;
    }
}
