package io.nearcast.campaign.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes the campaign consider a shopper.
 *
 * @param dwell for {@link TriggerType#DWELL} only: the campaign's own dwell time (the shopper is
 *              still in the zone that long after entering); empty: the zone's dwell event
 */
public record Trigger(TriggerType type, Optional<Duration> dwell) {

    public Trigger {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dwell, "dwell");
        if (dwell.isPresent() && type != TriggerType.DWELL) {
            throw new IllegalArgumentException("a dwell time belongs to a dwell trigger");
        }
    }

    public static Trigger of(TriggerType type) {
        return new Trigger(type, Optional.empty());
    }

    /** Whether the occasion is what this trigger waits for. */
    boolean firesOn(Occasion occasion) {
        return occasion.trigger() == type && occasion.dwellThreshold().equals(dwell);
    }
}
