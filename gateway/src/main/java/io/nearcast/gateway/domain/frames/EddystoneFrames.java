package io.nearcast.gateway.domain.frames;

import java.nio.ByteBuffer;

/** Eddystone frames (google/eddystone): the service data after the 0xFEAA UUID, frame type first. */
final class EddystoneFrames {

    private static final int UID = 0x00;
    private static final int URL = 0x10;
    private static final int TLM = 0x20;
    private static final int EID = 0x30;

    private static final String[] SCHEMES = {"http://www.", "https://www.", "http://", "https://"};
    private static final String[] EXPANSIONS = {".com/", ".org/", ".edu/", ".net/", ".info/", ".biz/", ".gov/",
                                                ".com", ".org", ".edu", ".net", ".info", ".biz", ".gov"};

    private EddystoneFrames() {
    }

    static ParsedAdvertisement parse(ByteBuffer frame) {
        int type = frame.get(0) & 0xFF;
        return switch (type) {
            case UID -> uid(frame);
            case URL -> url(frame);
            case TLM -> tlm(frame);
            case EID -> eid(frame);
            default -> ParsedAdvertisement.rejected("eddystone-unknown-frame", "Eddystone frame type 0x" + Integer.toHexString(type));
        };
    }

    /** 18 bytes; the spec's 2 reserved bytes are optional in practice. */
    private static ParsedAdvertisement uid(ByteBuffer frame) {
        if (frame.remaining() != 18 && frame.remaining() != 20) {
            return ParsedAdvertisement.rejected("eddystone-uid-length", "Eddystone-UID has " + frame.remaining() + " bytes, not 18 or 20");
        }
        frame.position(1);
        int txPower = frame.get();
        return ParsedAdvertisement.of(new BeaconFrame.EddystoneUid(BeaconFrames.hex(frame, 10), BeaconFrames.hex(frame, 6), txPower));
    }

    private static ParsedAdvertisement url(ByteBuffer frame) {
        if (frame.remaining() < 4 || frame.remaining() > 20) {
            return ParsedAdvertisement.rejected("eddystone-url-length", "Eddystone-URL has " + frame.remaining() + " bytes, not 4 to 20");
        }
        frame.position(1);
        int txPower = frame.get();
        int scheme = frame.get() & 0xFF;
        if (scheme >= SCHEMES.length) {
            return ParsedAdvertisement.rejected("eddystone-url-scheme", "URL scheme prefix 0x" + Integer.toHexString(scheme) + " is not defined");
        }
        StringBuilder url = new StringBuilder(SCHEMES[scheme]);
        while (frame.hasRemaining()) {
            int b = frame.get() & 0xFF;
            if (b < EXPANSIONS.length) {
                url.append(EXPANSIONS[b]);
            } else if (b >= 0x21 && b <= 0x7E) {
                url.append((char) b);
            } else {
                return ParsedAdvertisement.rejected("eddystone-url-byte", "URL byte 0x" + Integer.toHexString(b) + " is reserved");
            }
        }
        return ParsedAdvertisement.of(new BeaconFrame.EddystoneUrl(url.toString(), txPower));
    }

    private static ParsedAdvertisement tlm(ByteBuffer frame) {
        if (frame.remaining() < 2) {
            return ParsedAdvertisement.rejected("eddystone-tlm-length", "Eddystone-TLM without a version");
        }
        int version = frame.get(1) & 0xFF;
        if (version == 0x01) {
            frame.position(2);
            return ParsedAdvertisement.of(new BeaconFrame.EddystoneEncryptedTlm(BeaconFrames.hex(frame, frame.remaining())));
        }
        if (version != 0x00) {
            return ParsedAdvertisement.rejected("eddystone-tlm-version", "Eddystone-TLM version " + version + " is not defined");
        }
        if (frame.remaining() != 14) {
            return ParsedAdvertisement.rejected("eddystone-tlm-length", "Eddystone-TLM has " + frame.remaining() + " bytes, not 14");
        }
        frame.position(2);
        int battery = frame.getShort() & 0xFFFF;
        short temperature = frame.getShort();
        long advertisements = frame.getInt() & 0xFFFF_FFFFL;
        long uptime = frame.getInt() & 0xFFFF_FFFFL;
        return ParsedAdvertisement.of(new BeaconFrame.EddystoneTlm(battery, BeaconFrames.temperature(temperature), advertisements, uptime));
    }

    private static ParsedAdvertisement eid(ByteBuffer frame) {
        if (frame.remaining() != 10) {
            return ParsedAdvertisement.rejected("eddystone-eid-length", "Eddystone-EID has " + frame.remaining() + " bytes, not 10");
        }
        frame.position(1);
        int txPower = frame.get();
        return ParsedAdvertisement.of(new BeaconFrame.EddystoneEid(BeaconFrames.hex(frame, 8), txPower));
    }
}
