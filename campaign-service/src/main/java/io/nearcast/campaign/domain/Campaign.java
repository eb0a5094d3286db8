package io.nearcast.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign of one store: who it is for, when, what it offers and how often.
 *
 * @param zoneIds       where zone triggers fire; empty: any zone of the store (and, for taps and
 *                      scans, touchpoints anywhere in the store)
 * @param gtins         for taps and scans: the products (GTIN-14) it is about; empty: any
 * @param offerValidity how long a delivered offer can be redeemed
 * @param priority      higher wins when several campaigns could make an offer
 * @param version       raised by every change (optimistic concurrency of updates)
 */
public record Campaign(String id, String storeId, String name, CampaignStatus status, Set<String> zoneIds, Set<String> gtins, Trigger trigger,
                       Schedule schedule, Audience audience, Optional<ContextCondition> context, List<Variant> variants, Caps caps,
                       Budget budget, int priority, Duration offerValidity, Instant createdAt, long version) {

    public static final int MAX_VARIANTS = 8;

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        zoneIds = Set.copyOf(zoneIds);
        gtins = Set.copyOf(gtins);
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(context, "context");
        variants = List.copyOf(variants);
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(offerValidity, "offerValidity");
        Objects.requireNonNull(createdAt, "createdAt");
        if (variants.isEmpty() || variants.size() > MAX_VARIANTS) {
            throw new IllegalArgumentException("a campaign has 1 to " + MAX_VARIANTS + " variants");
        }
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).index() != i) {
                throw new IllegalArgumentException("variant " + i + " has index " + variants.get(i).index());
            }
        }
    }

    public Variant variant(int index) {
        return variants.get(index);
    }
}
