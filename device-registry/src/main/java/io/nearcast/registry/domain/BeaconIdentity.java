package io.nearcast.registry.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What a beacon broadcasts, per frame format. {@link #uniqueKey()} is what must not be registered
 * twice; for Eddystone-EID it is derived from the identity key, which itself is kept sealed.
 */
public sealed interface BeaconIdentity {

    /** Wire name: {@code ibeacon}, {@code altbeacon}, {@code eddystone-uid} or {@code eddystone-eid}. */
    String kind();

    /** The identifier that must be unique across all stores. */
    String uniqueKey();

    /** Apple iBeacon: proximity UUID, major, minor. */
    record IBeacon(UUID uuid, int major, int minor) implements BeaconIdentity {
        public IBeacon {
            Objects.requireNonNull(uuid, "uuid");
        }

        public String kind() {
            return "ibeacon";
        }

        public String uniqueKey() {
            return "ibeacon:" + uuid + ":" + major + ":" + minor;
        }
    }

    /** AltBeacon: a 16-byte id1 (32 lower-case hex digits) and two 16-bit ids. */
    record AltBeacon(String id1, int id2, int id3) implements BeaconIdentity {
        public AltBeacon {
            id1 = id1.toLowerCase(Locale.ROOT);
        }

        public String kind() {
            return "altbeacon";
        }

        public String uniqueKey() {
            return "altbeacon:" + id1 + ":" + id2 + ":" + id3;
        }
    }

    /** Eddystone-UID: 10-byte namespace and 6-byte instance, lower-case hex. */
    record EddystoneUid(String namespace, String instance) implements BeaconIdentity {
        public EddystoneUid {
            namespace = namespace.toLowerCase(Locale.ROOT);
            instance = instance.toLowerCase(Locale.ROOT);
        }

        public String kind() {
            return "eddystone-uid";
        }

        public String uniqueKey() {
            return "eddystone-uid:" + namespace + ":" + instance;
        }
    }

    /**
     * Eddystone-EID: the identity key, sealed with the master key (never held in clear here), its
     * fingerprint for uniqueness, the rotation exponent (the ephemeral id changes every 2^k s), and
     * the beacon's clock: its time counter minus Unix time, in seconds.
     */
    record EddystoneEid(String sealedIdentityKey, String keyFingerprint, int rotationExponent, long clockOffsetSeconds) implements BeaconIdentity {
        public EddystoneEid {
            Objects.requireNonNull(sealedIdentityKey, "sealedIdentityKey");
            Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        }

        public String kind() {
            return "eddystone-eid";
        }

        public String uniqueKey() {
            return "eddystone-eid:" + keyFingerprint;
        }

        @Override
        public String toString() {
            return "EddystoneEid[sealedIdentityKey=***, keyFingerprint=" + keyFingerprint + ", rotationExponent=" + rotationExponent
                    + ", clockOffsetSeconds=" + clockOffsetSeconds + "]";
        }
    }
}
