package io.nearcast.app.geofence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.geofence.domain.ZoneEvent;

/**
 * The wire form of a zone event on {@code nearcast/v1/events/zones} (CONTRACT §3, AsyncAPI
 * {@code zoneEvent}): {@code shopperId, storeId, zoneId, type, ts, dwellMs?} as the contract fixes
 * them, plus {@code visitId} (the same for a visit's enter, dwell and exit: de-duplicate by visit
 * and type) and, on exits, {@code reason}.
 */
@Serdeable
record ZoneEventMessage(String shopperId, String storeId, String zoneId, String type, long ts, @Nullable Long dwellMs, String visitId,
                        @Nullable String reason) {

    static ZoneEventMessage of(ZoneEvent event) {
        return new ZoneEventMessage(event.shopperId(), event.storeId(), event.zoneId(), event.type().wireName(), event.at().toEpochMilli(),
                event.dwell().map(d -> d.toMillis()).orElse(null), event.visitId(), event.reason().map(ZoneEvent.ExitReason::wireName).orElse(null));
    }
}
