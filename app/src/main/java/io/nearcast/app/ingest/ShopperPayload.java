package io.nearcast.app.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.gateway.domain.ingest.ShopperReport;
import java.util.List;

/** The body of {@code nearcast/v1/shoppers/{shopperId}/sightings} (CONTRACT §3); the domain checks every field. */
@Serdeable
record ShopperPayload(@Nullable Long ts, @Nullable List<Beacon> beacons, @Nullable Location location) {

    static final String SHAPE = "{\"ts\":<epoch ms>,\"beacons\":[{\"kind\",\"uuid\",\"major\",\"minor\",\"rssi\",\"txPower\"?}],"
            + "\"location\"?:{\"lat\",\"lon\",\"accuracyMeters\"}} (CONTRACT §3)";

    @Serdeable
    record Beacon(@Nullable String kind, @Nullable String uuid, @Nullable Integer major, @Nullable Integer minor, @Nullable Integer rssi,
                  @Nullable Integer txPower) {
    }

    @Serdeable
    record Location(@Nullable Double lat, @Nullable Double lon, @Nullable Double accuracyMeters) {
    }

    ShopperReport report(String shopperId) {
        List<ShopperReport.Beacon> seen = beacons == null ? null : beacons.stream()
                .map(b -> b == null ? null : new ShopperReport.Beacon(b.kind(), b.uuid(), b.major(), b.minor(), b.rssi(), b.txPower()))
                .toList();
        ShopperReport.Location fix = location == null ? null : new ShopperReport.Location(location.lat(), location.lon(), location.accuracyMeters());
        return new ShopperReport(shopperId, ts, seen, fix);
    }
}
