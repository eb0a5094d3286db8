package io.nearcast.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A campaign as a client describes it, validated; the service gives it an id, or applies it to an existing one. */
public record CampaignDraft(String storeId, String name, CampaignStatus status, Set<String> zoneIds, Set<String> gtins, Trigger trigger,
                            Schedule schedule, Audience audience, Optional<ContextCondition> context, List<Variant> variants, Caps caps,
                            Budget budget, int priority, Optional<Duration> offerValidity) {

    public Campaign toCampaign(String id, Instant createdAt, long version, Duration defaultValidity) {
        return new Campaign(id, storeId, name, status, zoneIds, gtins, trigger, schedule, audience, context, variants, caps, budget, priority,
                offerValidity.orElse(defaultValidity), createdAt, version);
    }
}
