package dev.ddx.error;

/** The user asked for something ddx cannot do as asked: fix the command line. Exit 2. */
public class UsageException extends DdxException {
    public UsageException(String message, String hint) {
        super(message, hint, null);
    }

    public UsageException(String message) {
        this(message, "");
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
