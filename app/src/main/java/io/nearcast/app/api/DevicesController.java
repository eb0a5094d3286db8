package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.registry.domain.Device;
import io.nearcast.registry.domain.DeviceChange;
import io.nearcast.registry.domain.DeviceSecrets;
import io.nearcast.registry.domain.Devices;
import io.nearcast.registry.domain.IssuedDevice;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * {@code /api/v1/stores/{storeId}/devices}: in-store scanners, NFC readers and kiosks. The MQTT
 * password and the DTLS PSK appear only in the responses of creation and
 * {@code credentials:rotate}, which must not be cached ({@code Cache-Control: no-store}).
 */
@Controller("/api/v1/stores/{storeId}/devices")
final class DevicesController {

    private final Devices devices;

    DevicesController(Devices devices) {
        this.devices = devices;
    }

    @Post
    HttpResponse<IssuedBody> create(HttpRequest<?> request, @PathVariable String storeId, @Body DeviceRequest body) {
        IssuedDevice issued = devices.create(Callers.of(request), storeId, body.kind(), body.name(), body.zoneId());
        Device device = issued.device();
        return noStore(HttpResponse.created(IssuedBody.of(issued),
                URI.create("/api/v1/stores/" + device.storeId() + "/devices/" + device.id())));
    }

    @Get
    Paging.PageBody<DeviceBody> list(HttpRequest<?> request, @PathVariable String storeId, @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        return Paging.body(devices.list(Callers.of(request), storeId, Paging.request(page, size)).map(DeviceBody::of));
    }

    @Get("/{deviceId}")
    DeviceBody get(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String deviceId) {
        return DeviceBody.of(devices.get(Callers.of(request), storeId, deviceId));
    }

    /**
     * Renames, disables or enables the device and/or places it in a zone; only the members present
     * change, {@code "zoneId": null} takes it out of its zone. Read as a JSON tree: a typed body
     * (or a map) cannot tell {@code null} from absent.
     */
    @Patch("/{deviceId}")
    DeviceBody update(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String deviceId, @Body JsonNode body) {
        return DeviceBody.of(devices.update(Callers.of(request), storeId, deviceId, change(ZonesController.members(body))));
    }

    /** New MQTT password and PSK; the old ones stop working at once. */
    @Post("/{deviceId}/credentials:rotate")
    HttpResponse<IssuedBody> rotate(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String deviceId) {
        return noStore(HttpResponse.ok(IssuedBody.of(devices.rotateCredentials(Callers.of(request), storeId, deviceId))));
    }

    @Delete("/{deviceId}")
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String storeId, @PathVariable String deviceId) {
        devices.delete(Callers.of(request), storeId, deviceId);
        return HttpResponse.noContent();
    }

    private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * {@code name} and {@code enabled} change nothing when absent or {@code null}; {@code zoneId}
     * present and {@code null} takes the device out of its zone.
     */
    private static DeviceChange change(Map<String, Object> body) {
        DeviceChange change = DeviceChange.none();
        if (body.get("name") != null) {
            change = change.withName(typed(body, "name", String.class, "must be a string"));
        }
        if (body.get("enabled") != null) {
            change = change.withEnabled(typed(body, "enabled", Boolean.class, "must be true or false"));
        }
        if (body.containsKey("zoneId")) {
            change = change.withZone(body.get("zoneId") == null ? null : typed(body, "zoneId", String.class, "must be a zone id or null"));
        }
        return change;
    }

    private static <T> T typed(Map<String, Object> body, String field, Class<T> type, String problem) {
        Object value = body.get(field);
        if (!type.isInstance(value)) {
            throw new InvalidField(field, problem);
        }
        return type.cast(value);
    }

    /** @param zoneId a zone of the store the device is placed in; absent, null or blank: none */
    @Serdeable
    record DeviceRequest(@Nullable String kind, @Nullable String name, @Nullable String zoneId) {
    }

    /** How the device reaches the broker; the password only right after creation or rotation. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Mqtt(String username, @Nullable String password, String topicPrefix, String rejectsTopic) {
        @Override
        public String toString() {
            return "Mqtt[username=" + username + ", password=***]";
        }
    }

    /** How the device reaches the DTLS listener; the key only right after creation or rotation. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Coap(String pskIdentity, @Nullable String pskKey) {
        @Override
        public String toString() {
            return "Coap[pskIdentity=" + pskIdentity + ", pskKey=***]";
        }
    }

    /** @param zoneId the zone the device is placed in; {@code null} for none */
    @Serdeable
    record DeviceBody(String id, String storeId, String kind, String name, boolean enabled, Mqtt mqtt, Coap coap,
                      Instant createdAt, Instant credentialsIssuedAt, @Nullable String zoneId) {
        static DeviceBody of(Device device) {
            return of(device, null);
        }

        static DeviceBody of(Device device, DeviceSecrets secrets) {
            Mqtt mqtt = new Mqtt(device.mqttUsername(), secrets == null ? null : secrets.mqttPassword(), device.topicPrefix(), device.rejectsTopic());
            Coap coap = new Coap(device.pskIdentity(), secrets == null ? null : secrets.pskKey());
            return new DeviceBody(device.id(), device.storeId().value(), device.kind().wireName(), device.name(), device.enabled(),
                    mqtt, coap, device.createdAt(), device.credentialsIssuedAt(), device.zoneId().orElse(null));
        }
    }

    /** The one response that carries the secrets. */
    @Serdeable
    record IssuedBody(String id, String storeId, String kind, String name, boolean enabled, Mqtt mqtt, Coap coap,
                      Instant createdAt, Instant credentialsIssuedAt, @Nullable String zoneId) {
        static IssuedBody of(IssuedDevice issued) {
            DeviceBody b = DeviceBody.of(issued.device(), issued.secrets());
            return new IssuedBody(b.id(), b.storeId(), b.kind(), b.name(), b.enabled(), b.mqtt(), b.coap(), b.createdAt(), b.credentialsIssuedAt(),
                    b.zoneId());
        }
    }
}
