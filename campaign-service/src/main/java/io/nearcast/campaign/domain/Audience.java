package io.nearcast.campaign.domain;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Who a campaign is for, among the shoppers who consented: journey stages (empty: any stage,
 * including shoppers without one yet), a range of store visits (counting the current one), and
 * segments the shopper chose in their app (at least one in common; empty: no restriction).
 */
public record Audience(Set<JourneyStage> journeyStages, OptionalInt minVisits, OptionalInt maxVisits, Set<String> segments) {

    public static final Audience EVERYONE = new Audience(Set.of(), OptionalInt.empty(), OptionalInt.empty(), Set.of());

    public Audience {
        journeyStages = journeyStages.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(journeyStages));
        Objects.requireNonNull(minVisits, "minVisits");
        Objects.requireNonNull(maxVisits, "maxVisits");
        segments = Set.copyOf(segments);
        if (minVisits.isPresent() && maxVisits.isPresent() && maxVisits.getAsInt() < minVisits.getAsInt()) {
            throw new IllegalArgumentException("maxVisits is below minVisits");
        }
    }

    /** Why the profile is outside the audience, or {@code null} when it is inside. */
    public BlockReason exclusion(ShopperProfile profile) {
        if (!journeyStages.isEmpty() && (profile.stage().isEmpty() || !journeyStages.contains(profile.stage().get()))) {
            return BlockReason.AUDIENCE_STAGE;
        }
        if (minVisits.isPresent() && profile.visits() < minVisits.getAsInt() || maxVisits.isPresent() && profile.visits() > maxVisits.getAsInt()) {
            return BlockReason.AUDIENCE_VISITS;
        }
        if (!segments.isEmpty() && !sharesASegment(profile.segments())) {
            return BlockReason.AUDIENCE_SEGMENT;
        }
        return null;
    }

    private boolean sharesASegment(Set<String> chosen) {
        for (String segment : chosen) {
            if (segments.contains(segment)) {
                return true;
            }
        }
        return false;
    }
}
