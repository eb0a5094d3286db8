package io.nearcast.campaign.domain;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How much of a campaign there is: offers delivered and offers redeemed, over its whole life.
 * When either is reached no further offer goes out; offers already delivered stay redeemable
 * (a shopper holding an offer is not let down).
 */
public record Budget(OptionalLong maxDeliveries, OptionalLong maxRedemptions) {

    public static final Budget UNLIMITED = new Budget(OptionalLong.empty(), OptionalLong.empty());

    public Budget {
        Objects.requireNonNull(maxDeliveries, "maxDeliveries");
        Objects.requireNonNull(maxRedemptions, "maxRedemptions");
    }
}
