package io.nearcast.gateway.domain.frames;

import java.util.Optional;

/** Either the beacon frame an advertisement carried, or why there was none. */
public record ParsedAdvertisement(Optional<BeaconFrame> frame, Optional<FrameRejection> rejection) {

    static ParsedAdvertisement of(BeaconFrame frame) {
        return new ParsedAdvertisement(Optional.of(frame), Optional.empty());
    }

    static ParsedAdvertisement rejected(String reason, String detail) {
        return new ParsedAdvertisement(Optional.empty(), Optional.of(new FrameRejection(reason, detail)));
    }
}
