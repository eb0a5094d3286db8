package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An offer made to one shopper.
 *
 * @param visitKey   the store visit it was made in (see {@link StoreVisits})
 * @param decisionId the decision that made it
 * @param closedAt   when it was redeemed, dismissed or expired
 */
public record Offer(String id, String campaignId, int variant, String shopperId, String storeId, Optional<String> zoneId, String visitKey,
                    String decisionId, Instant deliveredAt, Instant expiresAt, OfferStatus status, Optional<Instant> openedAt,
                    Optional<Instant> closedAt) {

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(visitKey, "visitKey");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        if (status.isOpen() == closedAt.isPresent()) {
            throw new IllegalArgumentException("closedAt is given for redeemed, dismissed and expired offers only");
        }
    }

    /** The offer as it stands after this change. */
    public Offer with(OfferStatus next, Instant at) {
        if (next == OfferStatus.OPENED) {
            return new Offer(id, campaignId, variant, shopperId, storeId, zoneId, visitKey, decisionId, deliveredAt, expiresAt,
                    status == OfferStatus.DELIVERED ? OfferStatus.OPENED : status, openedAt.or(() -> Optional.of(at)), closedAt);
        }
        return new Offer(id, campaignId, variant, shopperId, storeId, zoneId, visitKey, decisionId, deliveredAt, expiresAt, next, openedAt,
                Optional.of(at));
    }

    public boolean isExpiredAt(Instant at) {
        return !at.isBefore(expiresAt);
    }
}
