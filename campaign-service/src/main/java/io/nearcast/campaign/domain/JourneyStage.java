package io.nearcast.campaign.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a consenting shopper is in the customer journey. Stages only move forward, by the
 * signals of {@link #after(JourneySignal)}: any signal makes a shopper aware; dwelling, tapping,
 * scanning or opening an offer makes them consider; a redemption or a purchase signal means
 * purchased; a tap or scan after the purchase means they are using the product.
 */
public enum JourneyStage {
    AWARE("aware"), CONSIDERING("considering"), PURCHASED("purchased"), USING("using");

    private final String wireName;

    JourneyStage(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<JourneyStage> ofWireName(String name) {
        return Arrays.stream(values()).filter(stage -> stage.wireName.equals(name)).findFirst();
    }

    /** The stage of a shopper never seen before, after their first signal. */
    public static JourneyStage first(JourneySignal signal) {
        return AWARE.after(signal);
    }

    /** The stage after this signal; never earlier than this one. */
    public JourneyStage after(JourneySignal signal) {
        JourneyStage next = switch (signal) {
            case ZONE_VISIT -> AWARE;
            case DWELL, OFFER_OPENED -> CONSIDERING;
            case TAP, SCAN -> this == PURCHASED || this == USING ? USING : CONSIDERING;
            case REDEMPTION, PURCHASE -> PURCHASED;
        };
        return next.ordinal() > ordinal() ? next : this;
    }
}
