package dev.ddx.error;

/** A debugger call did not answer in time; the debugger was interrupted (and killed if it stayed stuck). */
public class DebuggerTimeoutException extends DebuggerException {
    public DebuggerTimeoutException(String message, String hint) {
        super(message, hint);
    }
}
