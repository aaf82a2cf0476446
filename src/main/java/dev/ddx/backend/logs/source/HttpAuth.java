package dev.ddx.backend.logs.source;

import okhttp3.Credentials;
import okhttp3.Request;

import java.util.Optional;

/**
 * Credentials for a log store: a bearer token or user and password (HTTP basic), or none.
 * {@link #toString()} never shows the secret.
 */
public record HttpAuth(Optional<String> bearer, Optional<String> basicUser, Optional<String> basicPassword) {
    public static HttpAuth none() {
        return new HttpAuth(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static HttpAuth bearer(String token) {
        return new HttpAuth(Optional.of(token), Optional.empty(), Optional.empty());
    }

    /** From {@code user:password}; the password may contain colons. */
    public static HttpAuth basic(String userColonPassword) {
        int c = userColonPassword.indexOf(':');
        if (c < 0) throw new IllegalArgumentException("basic credentials must be USER:PASSWORD");
        return new HttpAuth(Optional.empty(), Optional.of(userColonPassword.substring(0, c)),
                Optional.of(userColonPassword.substring(c + 1)));
    }

    void apply(Request.Builder b) {
        bearer.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        if (basicUser.isPresent()) b.header("Authorization", Credentials.basic(basicUser.get(), basicPassword.orElse("")));
    }

    @Override
    public String toString() {
        return bearer.isPresent() ? "bearer ***" : basicUser.map(u -> "basic " + u + ":***").orElse("none");
    }
}
