package io.nearcast.campaign.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * An offer's life: delivered → opened (landing page visited) → redeemed, or dismissed by the
 * shopper, or expired unredeemed. Redeemed, dismissed and expired are final.
 */
public enum OfferStatus {
    DELIVERED("delivered"), OPENED("opened"), REDEEMED("redeemed"), DISMISSED("dismissed"), EXPIRED("expired");

    private final String wireName;

    OfferStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isOpen() {
        return this == DELIVERED || this == OPENED;
    }

    public static Optional<OfferStatus> ofWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }
}
