package io.nearcast.privacy.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.util.Arrays;
import java.util.Optional;

/** What a shopper may allow Nearcast to process their data for. */
public enum Purpose {
    /** Resolving the shopper's sightings and positions to zones in a store. */
    LOCATION("location"),
    /** Choosing offers for this shopper from what is known about them. */
    PERSONALISATION("personalisation"),
    /** Counting this shopper's visits and responses in per-shopper statistics. */
    ANALYTICS("analytics");

    private final String wireName;

    Purpose(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Purpose> fromWireName(String text) {
        return Arrays.stream(values()).filter(purpose -> purpose.wireName.equals(text)).findFirst();
    }

    /** @throws InvalidField on {@code field} for an unknown purpose */
    static Purpose parse(String field, String text) {
        return fromWireName(text).orElseThrow(() -> new InvalidField(field,
                "'" + String.valueOf(text).replaceAll("\\p{Cntrl}", "?") + "' is not a purpose (location, personalisation, analytics)"));
    }
}
