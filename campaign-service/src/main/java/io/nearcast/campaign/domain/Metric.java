package io.nearcast.campaign.domain;

/** What campaign analytics count per campaign, variant and zone. */
public enum Metric {
    DELIVERED("deliveries"), OPENED("opens"), REDEEMED("redemptions"), DISMISSED("dismissals"), EXPIRED("expiries");

    private final String wireName;

    Metric(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The metric an offer status change counts as. */
    public static Metric of(OfferStatus status) {
        return switch (status) {
            case DELIVERED -> DELIVERED;
            case OPENED -> OPENED;
            case REDEEMED -> REDEEMED;
            case DISMISSED -> DISMISSED;
            case EXPIRED -> EXPIRED;
        };
    }
}
