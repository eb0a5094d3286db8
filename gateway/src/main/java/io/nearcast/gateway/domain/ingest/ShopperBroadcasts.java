package io.nearcast.gateway.domain.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: whose app broadcast a rotating identifier (the privacy module's ephemeral ids), asked for
 * an Eddystone-EID frame that is no registered beacon.
 */
@FunctionalInterface
public interface ShopperBroadcasts {

    /** Who is behind a broadcast. */
    enum Kind { NOT_OURS, ANONYMOUS, SHOPPER }

    /**
     * @param shopperId present only for {@link Kind#SHOPPER}: a shopper who allows location
     */
    record Owner(Kind kind, Optional<String> shopperId) {
        public static final Owner NOT_OURS = new Owner(Kind.NOT_OURS, Optional.empty());
        public static final Owner ANONYMOUS = new Owner(Kind.ANONYMOUS, Optional.empty());

        public static Owner shopper(String shopperId) {
            return new Owner(Kind.SHOPPER, Optional.of(shopperId));
        }
    }

    /** @param eid the 8 bytes as heard */
    Owner resolve(byte[] eid, Instant seenAt);

    /** For a gateway that resolves no app broadcasts. */
    static ShopperBroadcasts none() {
        return (eid, seenAt) -> Owner.NOT_OURS;
    }
}
