package dev.ddx.error;

/**
 * A failure ddx reports as one line. The subclass says who must act and so which exit code the
 * command ends with; {@link #hint()} says what to do about it.
 */
public abstract class DdxException extends RuntimeException {
    private final String hint;

    protected DdxException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint == null ? "" : hint;
    }

    /** What the user can do about it, or empty. */
    public String hint() {
        return hint;
    }

    /** The process exit code this failure ends a command with. */
    public abstract int exitCode();
}
