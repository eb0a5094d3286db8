package io.nearcast.geofence.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A consenting shopper entered, dwelt in or left a zone. Every visit gives exactly one
 * {@link Type#ENTER}, at most one {@link Type#DWELL} and one {@link Type#EXIT}, all with the same
 * {@code visitId} (so consumers of an at-least-once transport can de-duplicate by visit and type).
 *
 * @param at     enter and dwell: when the evidence decided it; exit: the last moment the shopper was
 *               known to be in the zone (the last sighting before silence, or the moment another
 *               zone or the outside won)
 * @param dwell  dwell and exit: time since the enter
 * @param reason exit only: why the visit ended
 */
public record ZoneEvent(String visitId, String shopperId, String storeId, String zoneId, Type type, Instant at,
                        Optional<Duration> dwell, Optional<ExitReason> reason) {

    public ZoneEvent {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(dwell, "dwell");
        Objects.requireNonNull(reason, "reason");
        if ((type == Type.ENTER) != dwell.isEmpty()) {
            throw new IllegalArgumentException("dwell is given for dwell and exit events only");
        }
        if ((type == Type.EXIT) != reason.isPresent()) {
            throw new IllegalArgumentException("reason is given for exit events only");
        }
    }

    public enum Type {
        ENTER("enter"), DWELL("dwell"), EXIT("exit");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The name on the wire ({@code nearcast/v1/events/zones}). */
        public String wireName() {
            return wireName;
        }
    }

    /** Why a visit ended. */
    public enum ExitReason {
        /** The signal or the GPS accuracy circle left the zone (beacons: for the switch time). */
        LEFT("left"),
        /** Another zone's anchors were stronger by the margin for the switch time. */
        SWITCHED("switched"),
        /** Nothing was heard from the zone's anchors (or no fix arrived) for the silence timeout. */
        SILENT("silent"),
        /** The shopper withdrew the {@code location} purpose; tracking stopped. */
        CONSENT_WITHDRAWN("consent-withdrawn"),
        /** The presence store was full and this shopper had been quiet longest. */
        EVICTED("evicted");

        private final String wireName;

        ExitReason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
