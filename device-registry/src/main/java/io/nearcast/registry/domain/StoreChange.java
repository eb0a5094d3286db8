package io.nearcast.registry.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a client changes about a store; empty parts stay as they are. */
public record StoreChange(Optional<String> name, Optional<String> timezone, Optional<GeoPoint> location, Optional<OpeningHours> openingHours) {

    /** For the audit trail: which fields changed, and the new name and zone (never anything personal). */
    String summary() {
        List<String> parts = new ArrayList<>();
        name.ifPresent(value -> parts.add("name=" + value.strip()));
        timezone.ifPresent(value -> parts.add("timezone=" + value.strip()));
        location.ifPresent(value -> parts.add("location"));
        openingHours.ifPresent(value -> parts.add("openingHours"));
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }
}
