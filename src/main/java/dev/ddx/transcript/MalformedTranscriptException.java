package dev.ddx.transcript;

import dev.ddx.error.DdxException;
import dev.ddx.error.ExitCodes;

/**
 * A transcript cannot be read: its header is missing or from a newer ddx, a line in it is not
 * JSON, or an event is of a type this ddx does not know. The message names the file and line.
 * Exit 2: the user must pick another file or a newer ddx.
 */
public final class MalformedTranscriptException extends DdxException {
    public MalformedTranscriptException(String message, String hint) {
        super(message, hint, null);
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
