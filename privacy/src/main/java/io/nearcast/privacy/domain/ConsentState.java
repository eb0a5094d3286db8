package io.nearcast.privacy.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a shopper allows now, derived from the ledger: for each purpose the latest entry wins;
 * a purpose never granted is not allowed (privacy by default).
 */
public record ConsentState(Map<Purpose, Boolean> purposes) {

    public ConsentState {
        EnumMap<Purpose, Boolean> all = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            all.put(purpose, purposes.getOrDefault(purpose, false));
        }
        purposes = Map.copyOf(all);
    }

    /** Nothing allowed. */
    public static ConsentState none() {
        return new ConsentState(Map.of());
    }

    /** @param history the shopper's entries, oldest first */
    public static ConsentState of(List<ConsentEntry> history) {
        Map<Purpose, Boolean> latest = new EnumMap<>(Purpose.class);
        history.forEach(entry -> latest.put(entry.purpose(), entry.granted()));
        return new ConsentState(latest);
    }

    public boolean allows(Purpose purpose) {
        return purposes.get(purpose);
    }
}
