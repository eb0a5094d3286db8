package io.nearcast.campaign.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What audiences are matched against: the shopper's journey stage (empty before any signal),
 * visits to the store of the decision (the current one included) and the segments they chose.
 */
public record ShopperProfile(Optional<JourneyStage> stage, int visits, Set<String> segments) {

    public static final ShopperProfile UNKNOWN = new ShopperProfile(Optional.empty(), 0, Set.of());

    public ShopperProfile {
        Objects.requireNonNull(stage, "stage");
        segments = Set.copyOf(segments);
    }
}
