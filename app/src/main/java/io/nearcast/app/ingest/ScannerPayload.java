package io.nearcast.app.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.gateway.domain.ingest.RawSighting;
import io.nearcast.gateway.domain.ingest.ScannerReport;
import java.util.List;

/** The JSON a scanner publishes (CONTRACT §3): {@code {"ts":<epoch ms>,"sightings":[{"adv":"<hex>","rssi":-67}]}}. */
@Serdeable
record ScannerPayload(@Nullable Long ts, @Nullable List<Entry> sightings) {

    static final String SHAPE = "{\"ts\":<epoch ms>,\"sightings\":[{\"adv\":\"<hex>\",\"rssi\":<dBm>,\"addr\"?:\"AA:BB:CC:DD:EE:FF\"}]} (CONTRACT §3)";

    @Serdeable
    record Entry(@Nullable String adv, @Nullable Integer rssi, @Nullable String addr) {
    }

    ScannerReport report(String storeId, String deviceId) {
        List<RawSighting> raw = sightings == null ? null
                : sightings.stream().map(entry -> entry == null ? new RawSighting(null, null) : new RawSighting(entry.adv(), entry.rssi(), entry.addr())).toList();
        return new ScannerReport(storeId, deviceId, ts, raw);
    }
}
