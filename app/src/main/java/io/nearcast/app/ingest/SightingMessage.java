package io.nearcast.app.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.gateway.domain.frames.BeaconFrame;
import io.nearcast.gateway.domain.ingest.NormalizedSighting;
import io.nearcast.gateway.domain.ingest.Observer;
import io.nearcast.gateway.domain.ingest.BroadcastSighting;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The wire form of a {@link NormalizedSighting} or a {@link BroadcastSighting} on
 * {@code nearcast/v1/internal/stores/{storeId}/sightings} (the AsyncAPI document's {@code sighting}).
 * A beacon sighting ({@code kind} absent or {@code beacon}) carries one of the four frames that
 * identify a registered beacon, and the beacon's zone if it is placed in one; a broadcast
 * ({@code kind} = {@code broadcast}: a scanner heard a shopper app) carries the scanner and, with
 * location consent, the shopper. A message of any other shape is refused when read.
 */
@Serdeable
record SightingMessage(String storeId, String observer, @Nullable String deviceId, @Nullable String shopperId, @Nullable String beaconId,
                       @Nullable String frame, @Nullable String uuid, @Nullable Integer major, @Nullable Integer minor, @Nullable String id1,
                       @Nullable Integer id2, @Nullable Integer id3, @Nullable String namespace, @Nullable String instance, @Nullable String eid,
                       @Nullable Integer frameTxPower, int rssi, int txPower, long seenAt, @Nullable String zoneId, @Nullable String kind) {

    static final String BROADCAST = "broadcast";

    static SightingMessage of(BroadcastSighting b) {
        return new SightingMessage(b.storeId(), b.shopperId().isPresent() ? "shopper" : "anonymous", b.deviceId(), b.shopperId().orElse(null),
                null, null, null, null, null, null, null, null, null, null, null, null, b.rssi(), b.txPower(), b.seenAt().toEpochMilli(), null, BROADCAST);
    }

    boolean isBroadcast() {
        return BROADCAST.equals(kind);
    }

    /** @throws IllegalArgumentException naming what is missing or unknown */
    BroadcastSighting toBroadcast() {
        Optional<String> shopper = switch (String.valueOf(observer)) {
            case "shopper" -> Optional.of(required(shopperId, "shopperId"));
            case "anonymous" -> Optional.empty();
            default -> throw new IllegalArgumentException("observer '" + observer + "' of a broadcast is not shopper or anonymous");
        };
        return new BroadcastSighting(required(storeId, "storeId"), required(deviceId, "deviceId"), shopper, rssi, txPower, Instant.ofEpochMilli(seenAt));
    }

    static SightingMessage of(NormalizedSighting s) {
        String observer = s.observer() instanceof Observer.Scanner ? "scanner" : s.observer() instanceof Observer.Shopper ? "shopper" : "anonymous";
        String deviceId = s.observer() instanceof Observer.Scanner scanner ? scanner.deviceId() : null;
        String shopperId = s.observer() instanceof Observer.Shopper shopper ? shopper.shopperId() : null;
        long at = s.seenAt().toEpochMilli();
        String zone = s.zoneId().orElse(null);
        if (s.frame() instanceof BeaconFrame.IBeacon f) {
            return new SightingMessage(s.storeId(), observer, deviceId, shopperId, s.beaconId(), "ibeacon", f.uuid().toString(), f.major(), f.minor(),
                    null, null, null, null, null, null, f.txPower(), s.rssi(), s.txPower(), at, zone, null);
        }
        if (s.frame() instanceof BeaconFrame.AltBeacon f) {
            return new SightingMessage(s.storeId(), observer, deviceId, shopperId, s.beaconId(), "altbeacon", null, null, null,
                    f.id1(), f.id2(), f.id3(), null, null, null, f.referenceRssi(), s.rssi(), s.txPower(), at, zone, null);
        }
        if (s.frame() instanceof BeaconFrame.EddystoneUid f) {
            return new SightingMessage(s.storeId(), observer, deviceId, shopperId, s.beaconId(), "eddystone-uid", null, null, null,
                    null, null, null, f.namespace(), f.instance(), null, f.txPower(), s.rssi(), s.txPower(), at, zone, null);
        }
        if (s.frame() instanceof BeaconFrame.EddystoneEid f) {
            return new SightingMessage(s.storeId(), observer, deviceId, shopperId, s.beaconId(), "eddystone-eid", null, null, null,
                    null, null, null, null, null, f.eid(), f.txPower(), s.rssi(), s.txPower(), at, zone, null);
        }
        throw new IllegalArgumentException("a " + s.frame().getClass().getSimpleName() + " frame names no beacon and is never handed on");
    }

    /** @throws IllegalArgumentException naming what is missing or unknown */
    NormalizedSighting toSighting() {
        return new NormalizedSighting(storeId, decodedObserver(), required(beaconId, "beaconId"), decodedFrame(), rssi, txPower, Instant.ofEpochMilli(seenAt),
                Optional.ofNullable(zoneId));
    }

    private Observer decodedObserver() {
        return switch (String.valueOf(observer)) {
            case "scanner" -> new Observer.Scanner(required(deviceId, "deviceId"));
            case "shopper" -> new Observer.Shopper(required(shopperId, "shopperId"));
            case "anonymous" -> new Observer.AnonymousShopper();
            default -> throw new IllegalArgumentException("observer '" + observer + "' is not scanner, shopper or anonymous");
        };
    }

    private BeaconFrame decodedFrame() {
        int power = frameTxPower == null ? 0 : frameTxPower;
        return switch (String.valueOf(frame)) {
            case "ibeacon" -> new BeaconFrame.IBeacon(UUID.fromString(required(uuid, "uuid")), required(major, "major"), required(minor, "minor"), power);
            case "altbeacon" -> new BeaconFrame.AltBeacon(0, required(id1, "id1"), required(id2, "id2"), required(id3, "id3"), power, 0);
            case "eddystone-uid" -> new BeaconFrame.EddystoneUid(required(namespace, "namespace"), required(instance, "instance"), power);
            case "eddystone-eid" -> new BeaconFrame.EddystoneEid(required(eid, "eid"), power);
            default -> throw new IllegalArgumentException("frame '" + frame + "' is not a beacon frame Nearcast hands on");
        };
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
