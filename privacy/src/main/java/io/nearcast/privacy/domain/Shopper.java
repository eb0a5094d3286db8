package io.nearcast.privacy.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A pseudonymous shopper: an id, the SHA-256 of its bearer token, the identity key of its
 * rotating broadcast identifiers (sealed with the master key, purpose {@link #eidKeyPurpose}),
 * when it registered. Nothing about the person.
 *
 * @param sealedEidKey empty for a shopper registered before identifiers existed
 */
public record Shopper(ShopperId id, String tokenHash, Optional<String> sealedEidKey, Instant createdAt) {

    public Shopper {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(sealedEidKey, "sealedEidKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The SecretBox purpose of a shopper's identity key, binding the sealed value to its row. */
    public static String eidKeyPurpose(ShopperId id) {
        return "shopper-eid:" + id.value();
    }

    @Override
    public String toString() {
        return "Shopper[***]";
    }
}
