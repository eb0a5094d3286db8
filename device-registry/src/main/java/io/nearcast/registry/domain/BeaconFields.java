package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.SecretBox;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A beacon as a client describes it (JSON body or CSV line), every field optional until checked.
 * {@link #identity} validates the fields of the given kind and seals an Eddystone-EID key.
 */
public record BeaconFields(String kind, String uuid, Integer major, Integer minor, String id1, Integer id2, Integer id3,
                           String namespace, String instance, String identityKey, Integer rotationExponent,
                           Integer txPower, String zoneId, Double lat, Double lon, Long beaconTime) {

    /** Largest value of an Eddystone-EID time counter (32 bits of seconds). */
    static final long MAX_BEACON_TIME = 0xFFFF_FFFFL;

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * @param beaconId the new beacon's id: the EID key is sealed for this beacon only
     * @param now      when the beacon is registered: an EID beacon's {@code beaconTime} is its clock at this moment
     * @throws InvalidField naming the field and the problem
     */
    public BeaconIdentity identity(SecretBox box, String beaconId, java.time.Instant now) {
        String k = kind == null ? null : kind.toLowerCase(Locale.ROOT);
        if (k == null || k.isBlank()) {
            throw new InvalidField("kind", "is required (ibeacon, altbeacon, eddystone-uid or eddystone-eid)");
        }
        switch (k) {
            case "ibeacon":
                return new BeaconIdentity.IBeacon(parsedUuid(), u16("major", major), u16("minor", minor));
            case "altbeacon":
                return new BeaconIdentity.AltBeacon(hex("id1", id1, 16), u16("id2", id2), u16("id3", id3));
            case "eddystone-uid":
                return new BeaconIdentity.EddystoneUid(hex("namespace", namespace, 10), hex("instance", instance, 6));
            case "eddystone-eid":
                byte[] key = HexFormat.of().parseHex(hex("identityKey", identityKey, 16));
                if (rotationExponent == null || rotationExponent < 0 || rotationExponent > 15) {
                    throw new InvalidField("rotationExponent", rotationExponent == null ? "is required (0-15)" : "must be between 0 and 15, got " + rotationExponent);
                }
                if (beaconTime != null && (beaconTime < 0 || beaconTime > MAX_BEACON_TIME)) {
                    throw new InvalidField("beaconTime", "must be the beacon's EID time counter, 0 to " + MAX_BEACON_TIME + " seconds");
                }
                long offset = beaconTime == null ? 0 : beaconTime - now.getEpochSecond();
                return new BeaconIdentity.EddystoneEid(box.seal(key, "beacon-eid:" + beaconId), fingerprint(key), rotationExponent, offset);
            default:
                throw new InvalidField("kind", "'" + Names.printable(kind) + "' is not a beacon kind (ibeacon, altbeacon, eddystone-uid or eddystone-eid)");
        }
    }

    /** @throws InvalidField naming {@code txPower} */
    public java.util.OptionalInt checkedTxPower() {
        if (txPower == null) {
            return java.util.OptionalInt.empty();
        }
        if (txPower < -100 || txPower > 20) {
            throw new InvalidField("txPower", "must be between -100 and 20 dBm, got " + txPower);
        }
        return java.util.OptionalInt.of(txPower);
    }

    /** @throws InvalidField naming {@code lat} or {@code lon} when only one is given or out of range */
    public java.util.Optional<GeoPoint> checkedPosition() {
        if (lat == null && lon == null) {
            return java.util.Optional.empty();
        }
        if (lat == null || lon == null) {
            throw new InvalidField(lat == null ? "lat" : "lon", "a position needs both lat and lon");
        }
        return java.util.Optional.of(new GeoPoint(lat, lon));
    }

    private UUID parsedUuid() {
        if (uuid == null || !UUID_TEXT.matcher(uuid).matches()) {
            throw new InvalidField("uuid", uuid == null ? "is required for an ibeacon" : "'" + Names.printable(uuid) + "' is not a UUID (8-4-4-4-12 hex digits)");
        }
        return UUID.fromString(uuid);
    }

    private static int u16(String field, Integer value) {
        if (value == null) {
            throw new InvalidField(field, "is required");
        }
        if (value < 0 || value > 65_535) {
            throw new InvalidField(field, "must be between 0 and 65535, got " + value);
        }
        return value;
    }

    private static String hex(String field, String value, int bytes) {
        if (value == null) {
            throw new InvalidField(field, "is required (" + bytes * 2 + " hex digits)");
        }
        String digits = value.strip();
        if (!digits.matches("[0-9a-fA-F]{" + bytes * 2 + "}")) {
            throw new InvalidField(field, "must be " + bytes * 2 + " hex digits (" + bytes + " bytes), got " + digits.length() + " characters");
        }
        return digits.toLowerCase(Locale.ROOT);
    }

    private static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "BeaconFields[kind=" + kind + ", identityKey=" + (identityKey == null ? "none" : "***") + "]";
    }

}
