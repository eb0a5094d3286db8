package io.nearcast.campaign.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a decision concluded about one campaign the trigger reached: it made the offer (no
 * reason), or the first rule that blocked it.
 */
public record Verdict(String campaignId, Optional<BlockReason> blocked) {

    public Verdict {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(blocked, "blocked");
    }

    public static Verdict chosen(String campaignId) {
        return new Verdict(campaignId, Optional.empty());
    }

    public static Verdict blocked(String campaignId, BlockReason reason) {
        return new Verdict(campaignId, Optional.of(reason));
    }

    /** {@code cmp_1:chosen} or {@code cmp_2:cap-per-day}. */
    @Override
    public String toString() {
        return campaignId + ":" + blocked.map(BlockReason::wireName).orElse("chosen");
    }
}
