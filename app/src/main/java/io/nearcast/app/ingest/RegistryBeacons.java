package io.nearcast.app.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import io.nearcast.gateway.domain.ingest.BeaconDirectory;
import io.nearcast.registry.domain.BeaconIdentity;
import io.nearcast.registry.domain.BeaconRepository;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The gateway's {@link BeaconDirectory} backed by the registry: a beacon frame's identity (iBeacon,
 * AltBeacon, Eddystone-UID) looked up by its unique key. Answers, found or not, are remembered
 * for {@value #TTL_SECONDS} s (at most {@value #MAX_REMEMBERED}), so a busy store costs one query
 * per beacon and half-minute, and a beacon registered or deleted takes effect within that time.
 * Eddystone-EID needs the beacon's clock and is not resolved here. Thread-safe.
 */
public final class RegistryBeacons implements BeaconDirectory {

    static final long TTL_SECONDS = 30;
    static final int MAX_REMEMBERED = 10_000;

    private final BeaconRepository repository;
    private final LongSupplier nanoTime;
    private final Map<String, Answer> remembered = new ConcurrentHashMap<>();

    private record Answer(Optional<String> storeId, long atNanos) {
    }

    public RegistryBeacons(BeaconRepository repository) {
        this(repository, System::nanoTime);
    }

    RegistryBeacons(BeaconRepository repository, LongSupplier nanoTime) {
        this.repository = repository;
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<String> storeOf(BeaconFrame frame) {
        Optional<BeaconIdentity> identity = identityOf(frame);
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        String key = identity.get().uniqueKey();
        long now = nanoTime.getAsLong();
        Answer known = remembered.get(key);
        if (known != null && now - known.atNanos() < Duration.ofSeconds(TTL_SECONDS).toNanos()) {
            return known.storeId();
        }
        Optional<String> storeId = repository.findByUniqueKey(key).map(beacon -> beacon.storeId().value());
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, new Answer(storeId, now));
        return storeId;
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
