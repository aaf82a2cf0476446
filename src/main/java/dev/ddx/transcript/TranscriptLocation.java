package dev.ddx.transcript;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where transcripts go when the user names no file: {@code $XDG_STATE_HOME/ddx/transcripts/},
 * or {@code ~/.local/state/ddx/transcripts/} when XDG_STATE_HOME is unset or not absolute (as
 * the XDG base-directory rules say). File names sort by time: {@code 20261121-054330-chat-1a2b.jsonl}.
 */
public final class TranscriptLocation {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TranscriptLocation() {
    }

    /** The transcripts directory for this environment and home directory. */
    public static Path directory(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path state = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : home.resolve(".local").resolve("state");
        return state.resolve("ddx").resolve("transcripts");
    }

    /** The transcripts directory of the running user. */
    public static Path directory() {
        return directory(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** A fresh file name for a session of {@code mode} started at {@code time}. */
    public static String fileName(String mode, Instant time) {
        String m = mode == null || mode.isBlank() ? "session" : mode.replaceAll("[^A-Za-z0-9-]", "-");
        String suffix = String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
        return STAMP.format(time) + "-" + m + "-" + suffix + ".jsonl";
    }
}
