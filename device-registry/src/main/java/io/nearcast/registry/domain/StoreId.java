package io.nearcast.registry.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A store's id: a random UUID, safe as an MQTT topic level and a URL path segment. */
public record StoreId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public StoreId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a store id: " + value);
        }
    }

    public static StoreId random() {
        return new StoreId(UUID.randomUUID().toString());
    }

    /** The id, if the text is one; for ids that arrive in URLs and request bodies. */
    public static java.util.Optional<StoreId> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? java.util.Optional.of(new StoreId(text)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
