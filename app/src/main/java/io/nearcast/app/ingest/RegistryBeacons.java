package io.nearcast.app.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import io.nearcast.gateway.domain.ingest.BeaconDirectory;
import io.nearcast.gateway.domain.ingest.KnownBeacon;
import io.nearcast.registry.domain.BeaconIdentity;
import io.nearcast.registry.domain.BeaconResolver;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The gateway's {@link BeaconDirectory} backed by the registry's {@link BeaconResolver}: a fixed
 * identity (iBeacon, AltBeacon, Eddystone-UID) by its unique key, an Eddystone-EID among the
 * hearing scanner's store's EID beacons. The resolver caches; see there.
 */
public final class RegistryBeacons implements BeaconDirectory {

    private final BeaconResolver resolver;

    public RegistryBeacons(BeaconResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Optional<KnownBeacon> resolve(BeaconFrame frame, String storeId, Instant heardAt) {
        Optional<BeaconResolver.Resolved> resolved;
        if (frame instanceof BeaconFrame.EddystoneEid eid) {
            resolved = storeId == null ? Optional.empty() : resolver.byEphemeralId(storeId, HexFormat.of().parseHex(eid.eid()), heardAt);
        } else {
            resolved = identityOf(frame).flatMap(identity -> resolver.byIdentity(identity.uniqueKey()));
        }
        return resolved.map(found -> new KnownBeacon(found.beaconId(), found.storeId(), found.txPower(), found.zoneId()));
    }

    static Optional<BeaconIdentity> identityOf(BeaconFrame frame) {
        if (frame instanceof BeaconFrame.IBeacon ibeacon) {
            return Optional.of(new BeaconIdentity.IBeacon(ibeacon.uuid(), ibeacon.major(), ibeacon.minor()));
        }
        if (frame instanceof BeaconFrame.AltBeacon alt) {
            return Optional.of(new BeaconIdentity.AltBeacon(alt.id1(), alt.id2(), alt.id3()));
        }
        if (frame instanceof BeaconFrame.EddystoneUid uid) {
            return Optional.of(new BeaconIdentity.EddystoneUid(uid.namespace(), uid.instance()));
        }
        return Optional.empty();
    }
}
