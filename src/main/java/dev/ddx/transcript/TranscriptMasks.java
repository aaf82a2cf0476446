package dev.ddx.transcript;

import dev.ddx.policy.SecretMasker;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What transcripts are written through: the session's {@link SecretMasker} (keys, tokens,
 * passwords in URLs and key=value pairs, bearer headers, private keys, and the values of secret
 * environment variables), then the directory ddx runs in written as {@value #PROJECT}, so a
 * transcript recorded in one checkout replays in another. One mask per session, so the same
 * secret maps to the same placeholder everywhere in one transcript.
 */
public final class TranscriptMasks {
    /** What the working directory is written as. */
    public static final String PROJECT = "<project>";

    private TranscriptMasks() {
    }

    /** A fresh mask for one session run in the current working directory. */
    public static UnaryOperator<String> session() {
        return session(Path.of("").toAbsolutePath().normalize());
    }

    /** A fresh mask for one session run in {@code workingDir}. */
    public static UnaryOperator<String> session(Path workingDir) {
        SecretMasker m = new SecretMasker().addSecretsFromEnvironment(System.getenv());
        String dir = workingDir.toString();
        // "/" or "/work" would rewrite far too much: only a directory at least two levels deep is a checkout
        boolean rewrite = workingDir.getNameCount() >= 2;
        return s -> {
            String masked = m.mask(s);
            return rewrite && masked.contains(dir) ? masked.replace(dir + "/", PROJECT + "/") : masked;
        };
    }
}
