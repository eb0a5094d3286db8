package io.nearcast.gateway.domain.frames;

import java.util.OptionalDouble;
import java.util.UUID;

/**
 * What one BLE advertisement says, for the beacon formats Nearcast understands. Identifiers are
 * upper-case hex where the format defines bytes, tx power in dBm (iBeacon: at 1 m; AltBeacon:
 * reference RSSI at 1 m; Eddystone: at 0 m).
 */
public sealed interface BeaconFrame {

    /** Apple iBeacon (manufacturer data 0x004C, type 0x02, length 0x15). */
    record IBeacon(UUID uuid, int major, int minor, int txPower) implements BeaconFrame {
    }

    /** AltBeacon (manufacturer data with beacon code 0xBEAC, any manufacturer). */
    record AltBeacon(int manufacturer, String id1, int id2, int id3, int referenceRssi, int reserved) implements BeaconFrame {
    }

    /** Eddystone-UID: 10-byte namespace, 6-byte instance. */
    record EddystoneUid(String namespace, String instance, int txPower) implements BeaconFrame {
    }

    /** Eddystone-URL, expanded. */
    record EddystoneUrl(String url, int txPower) implements BeaconFrame {
    }

    /**
     * Eddystone-TLM, unencrypted (version 0).
     *
     * @param batteryMillivolts 0 when the beacon does not measure it
     * @param temperatureCelsius empty when the beacon does not measure it (0x8000)
     * @param advertisements    PDUs sent since power-up
     * @param uptimeDeciseconds time since power-up, 0.1 s
     */
    record EddystoneTlm(int batteryMillivolts, OptionalDouble temperatureCelsius, long advertisements, long uptimeDeciseconds)
            implements BeaconFrame {
    }

    /** Eddystone-TLM, encrypted (version 1): only a registered EID beacon's key opens it. */
    record EddystoneEncryptedTlm(String payload) implements BeaconFrame {
    }

    /** Eddystone-EID: an 8-byte ephemeral identifier. */
    record EddystoneEid(String eid, int txPower) implements BeaconFrame {
    }
}
