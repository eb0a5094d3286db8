package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Topic;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece of in-store hardware and how it authenticates. Its MQTT user name and its DTLS PSK
 * identity are its id; the MQTT password is kept only as a slow hash, the PSK sealed with the
 * master key (DTLS needs it back), purpose {@link #pskPurpose(String)}.
 *
 * @param credentialsIssuedAt when the current password and PSK were generated (creation or last rotation)
 * @param zoneId              the zone of the device's store it is placed in, if any (a scanner in the wine
 *                            aisle: a shopper app it hears is in that zone)
 */
public record Device(String id, StoreId storeId, DeviceKind kind, String name, boolean enabled,
                     PasswordHash mqttPassword, String sealedPsk, Instant createdAt, Instant credentialsIssuedAt, Optional<String> zoneId) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mqttPassword, "mqttPassword");
        Objects.requireNonNull(sealedPsk, "sealedPsk");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(credentialsIssuedAt, "credentialsIssuedAt");
        Objects.requireNonNull(zoneId, "zoneId");
    }

    /** A device placed in no zone. */
    public Device(String id, StoreId storeId, DeviceKind kind, String name, boolean enabled,
                  PasswordHash mqttPassword, String sealedPsk, Instant createdAt, Instant credentialsIssuedAt) {
        this(id, storeId, kind, name, enabled, mqttPassword, sealedPsk, createdAt, credentialsIssuedAt, Optional.empty());
    }

    /** The SecretBox purpose of a device's PSK, binding the sealed value to its row. */
    public static String pskPurpose(String deviceId) {
        return "device-psk:" + deviceId;
    }

    public String mqttUsername() {
        return id;
    }

    public String pskIdentity() {
        return id;
    }

    /** Everything the device may publish lies below this prefix (it ends with a slash). */
    public String topicPrefix() {
        return Topic.SCANNER_SIGHTINGS.format(storeId.value(), id).replaceFirst("sightings$", "");
    }

    /** Where Nearcast tells the device which of its messages it did not accept. */
    public String rejectsTopic() {
        return Topic.DEVICE_REJECTS.format(id);
    }

    public Device withCredentials(PasswordHash password, String psk, Instant issuedAt) {
        return new Device(id, storeId, kind, name, enabled, password, psk, createdAt, issuedAt, zoneId);
    }

    public Device withEnabled(boolean enabled) {
        return new Device(id, storeId, kind, name, enabled, mqttPassword, sealedPsk, createdAt, credentialsIssuedAt, zoneId);
    }

    public Device withName(String name) {
        return new Device(id, storeId, kind, name, enabled, mqttPassword, sealedPsk, createdAt, credentialsIssuedAt, zoneId);
    }

    /** @param zoneId empty: placed in no zone */
    public Device withZone(Optional<String> zoneId) {
        return new Device(id, storeId, kind, name, enabled, mqttPassword, sealedPsk, createdAt, credentialsIssuedAt, zoneId);
    }

    @Override
    public String toString() {
        return "Device[id=" + id + ", storeId=" + storeId + ", kind=" + kind.wireName() + ", enabled=" + enabled
                + ", zoneId=" + zoneId.orElse("none") + "]";
    }
}
