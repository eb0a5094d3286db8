package io.nearcast.privacy.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A shopper's pseudonymous id: a random UUID, no relation to a person, a device or an app install. */
public record ShopperId(String value) {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public ShopperId {
        Objects.requireNonNull(value, "value");
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException("a shopper id is a lower-case UUID");
        }
    }

    public static ShopperId random() {
        return new ShopperId(UUID.randomUUID().toString());
    }

    /** Empty for anything that is not a shopper id (never an exception for client text). */
    public static Optional<ShopperId> parse(String text) {
        return text != null && UUID_TEXT.matcher(text).matches() ? Optional.of(new ShopperId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
