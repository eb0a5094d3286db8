package io.nearcast.app.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.gateway.domain.ingest.ScanIngest;

/** The body of {@code POST /v1/scans} (CONTRACT §4): {@code {"ts":<epoch ms>,"url":"<the URL the tag emitted>"}}. */
@Serdeable
record ScanPayload(@Nullable Long ts, @Nullable String url) {

    static final String SHAPE = "{\"ts\":<epoch ms>,\"url\":\"<the URL the tag emitted>\"}";

    ScanIngest.ScanReport report(String storeId, String deviceId) {
        return new ScanIngest.ScanReport(storeId, deviceId, ts, url);
    }
}
