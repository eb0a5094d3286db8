package io.nearcast.privacy.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A pseudonymous shopper: an id, the SHA-256 of its bearer token, when it registered. Nothing
 * about the person.
 */
public record Shopper(ShopperId id, String tokenHash, Instant createdAt) {

    public Shopper {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "Shopper[***]";
    }
}
