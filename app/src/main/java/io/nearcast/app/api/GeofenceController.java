package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.app.geofence.GeofenceService;
import io.nearcast.geofence.domain.DwellBuckets;
import io.nearcast.geofence.domain.ZoneHour;
import io.nearcast.geofence.domain.ZoneMatch;
import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.Role;
import io.nearcast.registry.domain.Stores;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code POST /api/v1/geofence/match}: which zones a position (and its accuracy circle) falls in;
 * {@code GET /api/v1/stores/{storeId}/zone-stats}: the anonymous statistics per zone and hour.
 */
@Controller("/api/v1")
final class GeofenceController {

    static final double MAX_ACCURACY_METERS = 10_000;
    static final Duration MAX_STATS_RANGE = Duration.ofDays(31);

    private final GeofenceService geofence;
    private final Stores stores;

    GeofenceController(GeofenceService geofence, Stores stores) {
        this.geofence = geofence;
        this.stores = stores;
    }

    /**
     * Admins see every store's zones, staff only their stores' (another store named → 404), a
     * shopper app every store's: zones are where a store's floor plan is, nothing about people.
     * The position is not stored.
     */
    @Post("/geofence/match")
    MatchBody match(HttpRequest<?> request, @Body MatchRequest body) {
        Caller caller = Callers.of(request);
        double lat = coordinate("lat", body.lat(), 90);
        double lon = coordinate("lon", body.lon(), 180);
        double accuracy = accuracy(body.accuracyMeters());
        List<ZoneMatch> matches;
        if (body.storeId() != null) {
            if (caller.role() == Role.STAFF) {
                stores.get(caller, body.storeId()); // 404 outside the token's stores
            }
            OptionalInt floor = body.floor() == null ? OptionalInt.empty() : OptionalInt.of(body.floor());
            matches = geofence.zones().zonesReached(body.storeId(), lat, lon, accuracy, floor);
        } else {
            if (body.floor() != null) {
                throw new InvalidField("floor", "needs storeId: floors are numbered per store");
            }
            matches = geofence.zones().zonesReached(lat, lon, accuracy);
        }
        List<MatchedZone> zones = matches.stream()
                .filter(match -> caller.role() != Role.STAFF || caller.mayAccessStore(match.storeId()))
                .map(match -> new MatchedZone(match.zoneId(), match.storeId(), match.within()))
                .toList();
        return new MatchBody(zones);
    }

    @Get("/stores/{storeId}/zone-stats")
    Paging.PageBody<ZoneHourBody> zoneStats(HttpRequest<?> request, @PathVariable String storeId, @Nullable @QueryValue String zoneId,
                                           @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                           @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        String store = stores.get(Callers.of(request), storeId).id().value();
        Instant until = to == null ? Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)) : instant("to", to);
        Instant since = from == null ? until.minus(Duration.ofDays(1)) : instant("from", from);
        if (!since.isBefore(until)) {
            throw new InvalidField("from", "must be before to");
        }
        if (Duration.between(since, until).compareTo(MAX_STATS_RANGE) > 0) {
            throw new InvalidField("to", "at most " + MAX_STATS_RANGE.toDays() + " days after from");
        }
        return Paging.body(geofence.statistics().list(store, Optional.ofNullable(zoneId).filter(z -> !z.isBlank()), since, until,
                Paging.request(page, size)).map(ZoneHourBody::of));
    }

    private static double coordinate(String field, @Nullable Double value, double limit) {
        if (value == null) {
            throw new InvalidField(field, "is required");
        }
        if (!(value >= -limit && value <= limit)) {
            throw new InvalidField(field, "must be between -" + (int) limit + " and " + (int) limit + " (WGS 84 degrees), got " + value);
        }
        return value;
    }

    private static double accuracy(@Nullable Double value) {
        if (value == null) {
            return 0;
        }
        if (!(value > 0 && value <= MAX_ACCURACY_METERS)) {
            throw new InvalidField("accuracyMeters", "must be above 0 and at most " + (int) MAX_ACCURACY_METERS + ", got " + value);
        }
        return value;
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
        }
    }

    @Serdeable
    record MatchRequest(@Nullable Double lat, @Nullable Double lon, @Nullable Double accuracyMeters, @Nullable String storeId, @Nullable Integer floor) {
    }

    /** @param within whether the whole accuracy circle lies in the zone (always for a bare position) */
    @Serdeable
    record MatchedZone(String id, String storeId, boolean within) {
    }

    /** {@code zones} is always there, an empty list when nothing matches (the contract's shape). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MatchBody(List<MatchedZone> zones) {
    }

    @Serdeable
    record ZoneHourBody(String storeId, String zoneId, Instant hour, long visits, long uniqueVisitors, long anonymousSightings,
                        long endedVisits, @Nullable Long meanDwellSeconds, Map<String, Long> dwell) {
        static ZoneHourBody of(ZoneHour hour) {
            Map<String, Long> buckets = new LinkedHashMap<>();
            for (int i = 0; i < DwellBuckets.COUNT; i++) {
                buckets.put(DwellBuckets.NAMES.get(i), hour.dwellBuckets().get(i));
            }
            return new ZoneHourBody(hour.key().storeId(), hour.key().zoneId(), hour.key().hour(), hour.visits(), hour.uniqueVisitors(),
                    hour.anonymousSightings(), hour.endedVisits(), hour.meanDwell().map(Duration::toSeconds).orElse(null), buckets);
        }
    }
}
