package io.nearcast.gateway.domain.frames;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Parses raw BLE advertising data (a sequence of AD structures: length, type, data) into the
 * beacon frame it carries: iBeacon and AltBeacon in manufacturer-specific data (AD type 0xFF),
 * Eddystone UID/URL/TLM/EID in service data for UUID 0xFEAA (AD type 0x16). The first beacon
 * frame found wins. Pure, total and thread-safe: any input gives a frame or a rejection, never an
 * exception (fuzzed by {@code BeaconFramesFuzzTest}).
 */
public final class BeaconFrames {

    /** Longest legacy (31 bytes) or extended (up to 254 bytes per set) advertising data accepted. */
    public static final int MAX_BYTES = 254;

    private static final int AD_MANUFACTURER = 0xFF;
    private static final int AD_SERVICE_DATA_16 = 0x16;
    private static final int APPLE = 0x004C;
    private static final int EDDYSTONE = 0xFEAA;

    private BeaconFrames() {
    }

    /** @param hex the advertisement as hex, as scanners report it (CONTRACT §3, {@code adv}) */
    public static ParsedAdvertisement parseHex(String hex) {
        if (hex == null || hex.isEmpty()) {
            return ParsedAdvertisement.rejected("adv-missing", "adv is empty");
        }
        if (hex.length() > 2 * MAX_BYTES) {
            return ParsedAdvertisement.rejected("adv-too-long", "adv is longer than " + MAX_BYTES + " bytes");
        }
        if (hex.length() % 2 != 0 || !hex.chars().allMatch(BeaconFrames::isHexDigit)) {
            return ParsedAdvertisement.rejected("adv-not-hex", "adv must be an even number of hex digits");
        }
        return parse(HexFormat.of().parseHex(hex));
    }

    public static ParsedAdvertisement parse(byte[] advertisement) {
        if (advertisement.length > MAX_BYTES) {
            return ParsedAdvertisement.rejected("adv-too-long", "adv is longer than " + MAX_BYTES + " bytes");
        }
        int at = 0;
        while (at < advertisement.length) {
            int length = advertisement[at] & 0xFF;
            if (length == 0) {
                break; // the rest is padding
            }
            if (at + 1 + length > advertisement.length) {
                return ParsedAdvertisement.rejected("adv-truncated", "AD structure at byte " + at + " runs past the end");
            }
            int type = advertisement[at + 1] & 0xFF;
            ByteBuffer data = ByteBuffer.wrap(advertisement, at + 2, length - 1).slice();
            ParsedAdvertisement found = structure(type, data);
            if (found != null) {
                return found;
            }
            at += 1 + length;
        }
        return ParsedAdvertisement.rejected("no-beacon-frame", "no iBeacon, AltBeacon or Eddystone frame");
    }

    /** A frame or rejection for a beacon structure; null for a structure of no interest. */
    private static ParsedAdvertisement structure(int type, ByteBuffer data) {
        if (type == AD_MANUFACTURER && data.remaining() >= 4) {
            int company = (data.get(0) & 0xFF) | (data.get(1) & 0xFF) << 8;
            if (company == APPLE && (data.get(2) & 0xFF) == 0x02 && (data.get(3) & 0xFF) == 0x15) {
                return iBeacon(data);
            }
            if ((data.get(2) & 0xFF) == 0xBE && (data.get(3) & 0xFF) == 0xAC) {
                return altBeacon(company, data);
            }
        }
        if (type == AD_SERVICE_DATA_16 && data.remaining() >= 3) {
            int uuid = (data.get(0) & 0xFF) | (data.get(1) & 0xFF) << 8;
            if (uuid == EDDYSTONE) {
                return EddystoneFrames.parse(data.position(2).slice());
            }
        }
        return null;
    }

    private static ParsedAdvertisement iBeacon(ByteBuffer data) {
        if (data.remaining() != 25) {
            return ParsedAdvertisement.rejected("ibeacon-length", "iBeacon data has " + data.remaining() + " bytes, not 25");
        }
        data.position(4);
        UUID uuid = new UUID(data.getLong(), data.getLong());
        int major = data.getShort() & 0xFFFF;
        int minor = data.getShort() & 0xFFFF;
        return ParsedAdvertisement.of(new BeaconFrame.IBeacon(uuid, major, minor, data.get()));
    }

    private static ParsedAdvertisement altBeacon(int manufacturer, ByteBuffer data) {
        if (data.remaining() != 26) {
            return ParsedAdvertisement.rejected("altbeacon-length", "AltBeacon data has " + data.remaining() + " bytes, not 26");
        }
        data.position(4);
        String id1 = hex(data, 16);
        int id2 = data.getShort() & 0xFFFF;
        int id3 = data.getShort() & 0xFFFF;
        int referenceRssi = data.get();
        int reserved = data.get() & 0xFF;
        return ParsedAdvertisement.of(new BeaconFrame.AltBeacon(manufacturer, id1, id2, id3, referenceRssi, reserved));
    }

    static String hex(ByteBuffer data, int bytes) {
        byte[] read = new byte[bytes];
        data.get(read);
        return HexFormat.of().withUpperCase().formatHex(read);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Temperature in 8.8 fixed point; 0x8000 means "not measured". */
    static OptionalDouble temperature(short raw) {
        return raw == (short) 0x8000 ? OptionalDouble.empty() : OptionalDouble.of(raw / 256.0);
    }
}
