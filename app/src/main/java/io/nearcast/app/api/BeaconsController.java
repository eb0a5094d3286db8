package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.registry.domain.Beacon;
import io.nearcast.registry.domain.BeaconFields;
import io.nearcast.registry.domain.BeaconIdentity;
import io.nearcast.registry.domain.Beacons;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/stores/{storeId}/beacons}: iBeacon, AltBeacon, Eddystone-UID and Eddystone-EID
 * beacons of a store; {@code beacons:import} takes CSV. An EID identity key is write-only.
 */
@Controller("/api/v1/stores/{storeId}")
final class BeaconsController {

    private final Beacons beacons;

    BeaconsController(Beacons beacons) {
        this.beacons = beacons;
    }

    @Post("/beacons")
    HttpResponse<BeaconBody> create(HttpRequest<?> request, @PathVariable String storeId, @Body BeaconRequest body) {
        Beacon beacon = beacons.create(Callers.of(request), storeId, body.fields());
        return HttpResponse.created(BeaconBody.of(beacon), URI.create("/api/v1/stores/" + beacon.storeId() + "/beacons/" + beacon.id()));
    }

    @Post(value = "/beacons:import", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    HttpResponse<ImportBody> importCsv(HttpRequest<?> request, @PathVariable String storeId, @Nullable @Body String csv) {
        List<Beacon> created = beacons.importCsv(Callers.of(request), storeId, csv);
        return HttpResponse.created(new ImportBody(created.size(), created.stream().map(b -> b.id()).toList()));
    }

    @Get("/beacons")
    Paging.PageBody<BeaconBody> list(HttpRequest<?> request, @PathVariable String storeId, @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        return Paging.body(beacons.list(Callers.of(request), storeId, Paging.request(page, size)).map(BeaconBody::of));
    }

    @Delete("/beacons/{beaconId}")
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String beaconId) {
        beacons.delete(Callers.of(request), storeId, beaconId);
        return HttpResponse.noContent();
    }

    @Get("/beacons/{beaconId}")
    BeaconBody get(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String beaconId) {
        return BeaconBody.of(beacons.get(Callers.of(request), storeId, beaconId));
    }

    @Serdeable
    record BeaconRequest(@Nullable String kind, @Nullable String uuid, @Nullable Integer major, @Nullable Integer minor,
                         @Nullable String id1, @Nullable Integer id2, @Nullable Integer id3, @Nullable String namespace,
                         @Nullable String instance, @Nullable String identityKey, @Nullable Integer rotationExponent,
                         @Nullable Integer txPower, @Nullable String zoneId, @Nullable StoresController.Position position,
                         @Nullable Long beaconTime) {
        BeaconFields fields() {
            return new BeaconFields(kind, uuid, major, minor, id1, id2, id3, namespace, instance, identityKey, rotationExponent,
                    txPower, zoneId, position == null ? null : position.lat(), position == null ? null : position.lon(), beaconTime);
        }

        @Override
        public String toString() {
            return "BeaconRequest[kind=" + kind + ", identityKey=***]";
        }
    }

    @Serdeable
    record ImportBody(int imported, List<String> ids) {
    }

    /** Wire form; identity fields of other kinds are left out, the EID key never appears. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BeaconBody(String id, String storeId, String kind, String uuid, Integer major, Integer minor, String id1, Integer id2, Integer id3,
                      String namespace, String instance, Integer rotationExponent, Integer txPower, String zoneId,
                      StoresController.Position position, Instant lastSeen, Integer batteryMillivolts, Double temperatureCelsius, Instant createdAt) {
        static BeaconBody of(Beacon b) {
            String uuid = null;
            Integer major = null;
            Integer minor = null;
            String id1 = null;
            Integer id2 = null;
            Integer id3 = null;
            String namespace = null;
            String instance = null;
            Integer rotation = null;
            if (b.identity() instanceof BeaconIdentity.IBeacon i) {
                uuid = i.uuid().toString();
                major = i.major();
                minor = i.minor();
            } else if (b.identity() instanceof BeaconIdentity.AltBeacon a) {
                id1 = a.id1();
                id2 = a.id2();
                id3 = a.id3();
            } else if (b.identity() instanceof BeaconIdentity.EddystoneUid u) {
                namespace = u.namespace();
                instance = u.instance();
            } else if (b.identity() instanceof BeaconIdentity.EddystoneEid e) {
                rotation = e.rotationExponent();
            }
            Beacon.Telemetry t = b.telemetry();
            return new BeaconBody(b.id(), b.storeId().value(), b.identity().kind(), uuid, major, minor, id1, id2, id3, namespace, instance, rotation,
                    b.txPower().isPresent() ? b.txPower().getAsInt() : null, b.zoneId().orElse(null),
                    b.position().map(StoresController.Position::of).orElse(null), t.lastSeen().orElse(null),
                    t.batteryMillivolts().isPresent() ? t.batteryMillivolts().getAsInt() : null, t.temperatureCelsius().orElse(null), b.createdAt());
        }
    }
}
