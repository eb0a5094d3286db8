package io.nearcast.campaign.domain;

import java.util.Arrays;
import java.util.Optional;

/** What makes a campaign consider a shopper: a zone event or a touchpoint. */
public enum TriggerType {
    /** The shopper entered one of the campaign's zones. */
    ENTER("enter"),
    /** The shopper stayed in one of the campaign's zones for the zone's dwell time, or for the campaign's own {@code dwellSeconds}. */
    DWELL("dwell"),
    /** The shopper left one of the campaign's zones. */
    EXIT("exit"),
    /** The shopper tapped an NFC tag (issue 8 verifies it). */
    TAP("tap"),
    /** The shopper scanned a QR code. */
    SCAN("scan");

    private final String wireName;

    TriggerType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TriggerType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    /** Zone triggers need a zone event; touchpoints come with or without a zone. */
    public boolean isZoneEvent() {
        return this == ENTER || this == DWELL || this == EXIT;
    }
}
