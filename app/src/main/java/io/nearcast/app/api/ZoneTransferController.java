package io.nearcast.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneImport;
import io.nearcast.registry.domain.Zones;
import java.util.List;
import java.util.Map;

/**
 * A store's zones as a GeoJSON FeatureCollection: {@code zones:import} (all or nothing, every bad
 * feature listed) and {@code zones:export}.
 */
@Controller("/api/v1/stores/{storeId}")
final class ZoneTransferController {

    static final MediaType GEO_JSON = MediaType.of("application/geo+json");

    private final Zones zones;

    ZoneTransferController(Zones zones) {
        this.zones = zones;
    }

    @Post(value = "/zones:import", consumes = {MediaType.APPLICATION_JSON, "application/geo+json"})
    HttpResponse<ImportBody> importZones(HttpRequest<?> request, @PathVariable String storeId, @Nullable @Body Map<String, Object> collection) {
        List<Zone> created = zones.importAll(Callers.of(request), storeId, ZoneImport.read(collection));
        return HttpResponse.created(new ImportBody(created.size(), created.stream().map(zone -> new Imported(zone.id(), zone.name())).toList()));
    }

    @Get("/zones:export")
    HttpResponse<Map<String, Object>> exportZones(HttpRequest<?> request, @PathVariable String storeId) {
        return HttpResponse.ok(ZoneImport.write(zones.all(Callers.of(request), storeId))).contentType(GEO_JSON);
    }

    @Serdeable
    record ImportBody(int imported, List<Imported> zones) {
    }

    @Serdeable
    record Imported(String id, String name) {
    }
}
