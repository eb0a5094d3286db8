package io.nearcast.campaign.domain;

/** Something a consenting shopper did that moves their {@link JourneyStage}. */
public enum JourneySignal {
    /** Entered a zone of a store (a new store visit also counts one visit). */
    ZONE_VISIT,
    /** Dwelt in a zone. */
    DWELL,
    /** Tapped an NFC tag. */
    TAP,
    /** Scanned a QR code. */
    SCAN,
    /** Opened an offer's landing page. */
    OFFER_OPENED,
    /** An offer of theirs was redeemed at the till. */
    REDEMPTION,
    /** A purchase was reported for them (POS integration). */
    PURCHASE
}
