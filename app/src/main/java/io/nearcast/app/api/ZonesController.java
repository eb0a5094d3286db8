package io.nearcast.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.NewZone;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneChange;
import io.nearcast.registry.domain.ZoneGeometry;
import io.nearcast.registry.domain.ZoneJson;
import io.nearcast.registry.domain.ZoneShape;
import io.nearcast.registry.domain.Zones;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /**
     * A JSON merge patch (RFC 7396): only the members present change; {@code null} removes
     * {@code floor}, {@code tags} or {@code dwellSeconds}; {@code geometry} or {@code circle}
     * replaces the shape. Read as a JSON tree: a typed body (or a map) cannot tell {@code null}
     * from absent.
     */
    @Patch("/{zoneId}")
    ZoneBody update(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String zoneId, @Body JsonNode body) {
        return ZoneBody.of(zones.update(Callers.of(request), storeId, zoneId, ZoneChange.read(members(body))));
    }

    /**
     * The members of a JSON object as plain Java values (maps, lists, strings, numbers, booleans),
     * keeping the members that are {@code null}, for merge patches.
     *
     * @throws HttpStatusException 400 for a body that is not a JSON object
     */
    static Map<String, Object> members(JsonNode body) {
        if (!body.isObject()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "the body must be a JSON object");
        }
        return object(body);
    }

    private static Map<String, Object> object(JsonNode node) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.entries()) {
            members.put(member.getKey(), plain(member.getValue()));
        }
        return members;
    }

    private static Object plain(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.values().forEach(item -> items.add(plain(item)));
            return items;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        return node.getNumberValue();
    }

    /** 409 while beacons or devices are placed in the zone. */
    @Delete("/{zoneId}")
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String zoneId) {
        zones.delete(Callers.of(request), storeId, zoneId);
        return HttpResponse.noContent();
    }

    @Get("/{zoneId}")
    ZoneBody get(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String zoneId) {
        return ZoneBody.of(zones.get(Callers.of(request), storeId, zoneId));
    }

    /**
     * Exactly one of {@code geometry} (GeoJSON Polygon or MultiPolygon) and {@code circle}.
     * {@code dwellSeconds} is read as any JSON value so that a string or a fraction is refused
     * naming the field (422), as the import and the PATCH do.
     */
    @Serdeable
    record ZoneRequest(@Nullable String name, @Nullable Integer floor, @Nullable List<String> tags,
                       @Nullable Map<String, Object> geometry, @Nullable CircleBody circle, @Nullable Object dwellSeconds) {
        NewZone toNewZone() {
            if ((geometry == null) == (circle == null)) {
                throw new InvalidField(geometry == null ? "geometry" : "circle",
                        "give exactly one of geometry (GeoJSON Polygon or MultiPolygon) and circle ({lat, lon, radiusMeters})");
            }
            ZoneShape shape = geometry != null ? ZoneGeometry.parse("geometry", geometry) : circle.toShape();
            return NewZone.of(name, floor, tags, shape, ZoneJson.wholeNumber("dwellSeconds", dwellSeconds));
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

    /** @param dwellSeconds {@code null}: the geofence service's default dwell time applies */
    @Serdeable
    record ZoneBody(String id, String storeId, String name, @Nullable Integer floor, List<String> tags,
                    @Nullable Map<String, Object> geometry, @Nullable CircleBody circle, @Nullable Integer dwellSeconds, Instant createdAt) {
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
                    zone.floor().isPresent() ? zone.floor().getAsInt() : null, zone.tags(), geometry, circle,
                    zone.dwellSeconds().isPresent() ? zone.dwellSeconds().getAsInt() : null, zone.createdAt());
        }
    }
}
