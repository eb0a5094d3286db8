package io.nearcast.campaign.domain;

/**
 * Why a campaign that the trigger reached did not make this offer; the explanation of a decision
 * names one per campaign (the first rule that blocked it, in the order of this enum's use in
 * {@link DecisionEngine}).
 */
public enum BlockReason {
    /** Outside the campaign's dates, weekdays or hours. */
    SCHEDULE("schedule"),
    /** The touchpoint's product is not one of the campaign's. */
    PRODUCT("product"),
    AUDIENCE_STAGE("audience-stage"),
    AUDIENCE_VISITS("audience-visits"),
    AUDIENCE_SEGMENT("audience-segment"),
    /** No context reading for the store, or older than the campaign accepts. */
    CONTEXT_STALE("context-stale"),
    CONTEXT_WEATHER("context-weather"),
    CONTEXT_TEMPERATURE("context-temperature"),
    /** Server-wide or campaign quiet hours (store-local). */
    QUIET_HOURS("quiet-hours"),
    /** The shopper already got their offers for this store visit (server-wide limit). */
    VISIT_LIMIT("visit-limit"),
    /** The shopper already got their offers for today (server-wide limit). */
    DAILY_LIMIT("daily-limit"),
    /** This campaign already made an offer to the shopper in this store visit. */
    SAME_VISIT("same-visit"),
    CAP_DAY("cap-per-day"),
    CAP_WEEK("cap-per-week"),
    COOLDOWN_DISMISSED("cooldown-after-dismiss"),
    COOLDOWN_REDEEMED("cooldown-after-redemption"),
    BUDGET_DELIVERIES("budget-deliveries"),
    BUDGET_REDEMPTIONS("budget-redemptions"),
    /** A campaign of higher priority made the offer; this one was not considered further. */
    OUTRANKED("outranked");

    private final String wireName;

    BlockReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
