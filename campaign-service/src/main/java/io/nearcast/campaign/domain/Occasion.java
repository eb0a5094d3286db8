package io.nearcast.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A moment at which a consenting shopper might get an offer: a zone event, a dwell time reached,
 * a tap or a scan.
 *
 * @param dwellThreshold for {@link TriggerType#DWELL}: the campaign dwell time that was reached;
 *                       empty for the zone's own dwell event
 * @param gtin           for taps and scans of a product: its GTIN-14
 * @param source         what caused it (the geofence visit id, or the touchpoint's event id)
 */
public record Occasion(String shopperId, String storeId, Optional<String> zoneId, TriggerType trigger, Optional<Duration> dwellThreshold,
                       Optional<String> gtin, String source, Instant at) {

    public Occasion {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(dwellThreshold, "dwellThreshold");
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        if (trigger.isZoneEvent() && zoneId.isEmpty()) {
            throw new IllegalArgumentException("a zone occasion needs its zone");
        }
        if (dwellThreshold.isPresent() && trigger != TriggerType.DWELL) {
            throw new IllegalArgumentException("a dwell threshold belongs to a dwell occasion");
        }
    }

    public static Occasion zone(String shopperId, String storeId, String zoneId, TriggerType trigger, String visitId, Instant at) {
        return new Occasion(shopperId, storeId, Optional.of(zoneId), trigger, Optional.empty(), Optional.empty(), visitId, at);
    }
}
