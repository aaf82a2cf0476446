package dev.ddx.error;

/** Every exit code ddx uses, in one place. */
public final class ExitCodes {
    /** analysed / done; for replay: equivalent to the recording */
    public static final int OK = 0;
    /** an internal error (a bug), a debugger that died, or replay drift */
    public static final int FAILURE = 1;
    /** usage: bad options or arguments, a missing file, a malformed transcript */
    public static final int USAGE = 2;
    /** the target could not be read: not a core, a truncated core, a pid that cannot be attached */
    public static final int TARGET_UNREADABLE = 3;

    private ExitCodes() {
    }
}
