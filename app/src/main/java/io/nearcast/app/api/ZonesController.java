package io.nearcast.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.NewZone;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneGeometry;
import io.nearcast.registry.domain.ZoneShape;
import io.nearcast.registry.domain.Zones;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/stores/{storeId}/zones}: floor-plan areas (GeoJSON) and circular geofences of a store. */
@Controller("/api/v1/stores/{storeId}/zones")
final class ZonesController {

    private final Zones zones;

    ZonesController(Zones zones) {
        this.zones = zones;
    }

    @Post
    HttpResponse<ZoneBody> create(HttpRequest<?> request, @PathVariable String storeId, @Body ZoneRequest body) {
        Zone zone = zones.create(Callers.of(request), storeId, body.toNewZone());
        return HttpResponse.created(ZoneBody.of(zone), URI.create("/api/v1/stores/" + zone.storeId() + "/zones/" + zone.id()));
    }

    @Get
    Paging.PageBody<ZoneBody> list(HttpRequest<?> request, @PathVariable String storeId, @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        return Paging.body(zones.list(Callers.of(request), storeId, Paging.request(page, size)).map(ZoneBody::of));
    }

    /** 409 while beacons are placed in the zone. */
    @Delete("/{zoneId}")
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String zoneId) {
        zones.delete(Callers.of(request), storeId, zoneId);
        return HttpResponse.noContent();
    }

    @Get("/{zoneId}")
    ZoneBody get(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String zoneId) {
        return ZoneBody.of(zones.get(Callers.of(request), storeId, zoneId));
    }

    /** Exactly one of {@code geometry} (GeoJSON Polygon or MultiPolygon) and {@code circle}. */
    @Serdeable
    record ZoneRequest(@Nullable String name, @Nullable Integer floor, @Nullable List<String> tags,
                       @Nullable Map<String, Object> geometry, @Nullable CircleBody circle) {
        NewZone toNewZone() {
            if ((geometry == null) == (circle == null)) {
                throw new InvalidField(geometry == null ? "geometry" : "circle",
                        "give exactly one of geometry (GeoJSON Polygon or MultiPolygon) and circle ({lat, lon, radiusMeters})");
            }
            ZoneShape shape = geometry != null ? ZoneGeometry.parse("geometry", geometry) : circle.toShape();
            return NewZone.of(name, floor, tags, shape);
        }
    }

    @Serdeable
    record CircleBody(@Nullable Double lat, @Nullable Double lon, @Nullable Double radiusMeters) {
        ZoneShape.Circle toShape() {
            GeoPoint centre = new StoresController.Position(lat, lon).toGeoPoint("circle");
            if (radiusMeters == null) {
                throw new InvalidField("circle.radiusMeters", "is required");
            }
            return ZoneGeometry.circle("circle", centre, radiusMeters);
        }
    }

    @Serdeable
    record ZoneBody(String id, String storeId, String name, @Nullable Integer floor, List<String> tags,
                    @Nullable Map<String, Object> geometry, @Nullable CircleBody circle, Instant createdAt) {
        static ZoneBody of(Zone zone) {
            Map<String, Object> geometry = null;
            CircleBody circle = null;
            if (zone.shape() instanceof ZoneShape.Area area) {
                geometry = ZoneGeometry.toGeoJson(area.geometry());
            } else {
                ZoneShape.Circle c = (ZoneShape.Circle) zone.shape();
                circle = new CircleBody(c.centre().lat(), c.centre().lon(), c.radiusMeters());
            }
            return new ZoneBody(zone.id(), zone.storeId().value(), zone.name(),
                    zone.floor().isPresent() ? zone.floor().getAsInt() : null, zone.tags(), geometry, circle, zone.createdAt());
        }
    }
}
