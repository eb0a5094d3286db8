package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.EphemeralId;
import io.nearcast.kernel.domain.SecretBox;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Finds the registered beacon behind a frame the gateway heard. A fixed identity (iBeacon,
 * AltBeacon, Eddystone-UID) is looked up by its unique key. An Eddystone-EID is resolved the way
 * the Eddystone spec intends: for each EID beacon of the hearing scanner's store, the ephemeral
 * ids its identity key gives at the beacon's own clock are computed for every rotation period
 * within {@link #SKEW} of the sighting (at least the previous, current and next period), and
 * compared in constant time.
 *
 * <p>Answers are remembered {@link #TTL} (lookups, and each store's EID beacons with their opened
 * keys), so a registration or deletion takes effect within that time; computed ids are
 * remembered per beacon and period. Keys live only in this process's memory. Thread-safe.
 */
public final class BeaconResolver {

    /** How far a beacon's clock may drift from the server's, either way. */
    public static final Duration SKEW = Duration.ofSeconds(64);
    static final Duration TTL = Duration.ofSeconds(30);
    static final int MAX_REMEMBERED = 100_000;

    /**
     * A registered beacon: its store, its calibrated tx power at 1 m and the zone it is placed in,
     * each if the registry has one.
     */
    public record Resolved(String beaconId, String storeId, OptionalInt txPower, Optional<String> zoneId) {
    }

    private record Timed<T>(T value, long atNanos) {
    }

    /** An EID beacon with its opened key; never printed. */
    private record EidBeacon(Beacon beacon, byte[] identityKey, int exponent, long clockOffset) {
        @Override
        public String toString() {
            return "EidBeacon[" + beacon.id() + "]";
        }
    }

    private final BeaconRepository repository;
    private final SecretBox box;
    private final LongSupplier nanoTime;
    private final Map<String, Timed<Optional<Resolved>>> byKey = new ConcurrentHashMap<>();
    private final Map<String, Timed<List<EidBeacon>>> eidBeaconsByStore = new ConcurrentHashMap<>();
    private final Map<String, byte[]> computed = new ConcurrentHashMap<>();

    public BeaconResolver(BeaconRepository repository, SecretBox box) {
        this(repository, box, System::nanoTime);
    }

    BeaconResolver(BeaconRepository repository, SecretBox box, LongSupplier nanoTime) {
        this.repository = repository;
        this.box = box;
        this.nanoTime = nanoTime;
    }

    /** The beacon with this fixed identity ({@link BeaconIdentity#uniqueKey()}), in whichever store. */
    public Optional<Resolved> byIdentity(String uniqueKey) {
        long now = nanoTime.getAsLong();
        Timed<Optional<Resolved>> known = byKey.get(uniqueKey);
        if (known != null && fresh(known, now)) {
            return known.value();
        }
        Optional<Resolved> resolved = repository.findByUniqueKey(uniqueKey).map(BeaconResolver::resolved);
        remember(byKey, uniqueKey, new Timed<>(resolved, now));
        return resolved;
    }

    /**
     * The store's EID beacon that broadcast this ephemeral id around {@code seenAt}.
     *
     * @param eid the 8 bytes of the frame
     */
    public Optional<Resolved> byEphemeralId(String storeId, byte[] eid, Instant seenAt) {
        if (eid.length != EphemeralId.BYTES) {
            return Optional.empty();
        }
        for (EidBeacon candidate : eidBeacons(storeId)) {
            if (broadcast(candidate, eid, seenAt)) {
                return Optional.of(resolved(candidate.beacon()));
            }
        }
        return Optional.empty();
    }

    private boolean broadcast(EidBeacon candidate, byte[] eid, Instant seenAt) {
        long period = 1L << candidate.exponent();
        long beaconTime = seenAt.getEpochSecond() + candidate.clockOffset();
        long reach = Math.max(period, SKEW.toSeconds());
        long first = Math.floorDiv(beaconTime - reach, period) * period;
        boolean match = false;
        for (long t = first; t <= beaconTime + reach; t += period) {
            if (t < 0 || t > 0xFFFF_FFFFL) {
                continue;
            }
            match |= MessageDigest.isEqual(eidAt(candidate, t), eid);
        }
        return match;
    }

    private byte[] eidAt(EidBeacon candidate, long quantisedTime) {
        String key = candidate.beacon().id() + ":" + quantisedTime;
        byte[] known = computed.get(key);
        if (known != null) {
            return known;
        }
        byte[] eid = EphemeralId.compute(candidate.identityKey(), candidate.exponent(), quantisedTime);
        remember(computed, key, eid);
        return eid;
    }

    private List<EidBeacon> eidBeacons(String storeId) {
        long now = nanoTime.getAsLong();
        Timed<List<EidBeacon>> known = eidBeaconsByStore.get(storeId);
        if (known != null && fresh(known, now)) {
            return known.value();
        }
        List<EidBeacon> opened = repository.eidBeacons(new StoreId(storeId)).stream().map(this::opened).toList();
        remember(eidBeaconsByStore, storeId, new Timed<>(opened, now));
        return opened;
    }

    private EidBeacon opened(Beacon beacon) {
        BeaconIdentity.EddystoneEid eid = (BeaconIdentity.EddystoneEid) beacon.identity();
        byte[] key = box.open(eid.sealedIdentityKey(), "beacon-eid:" + beacon.id());
        return new EidBeacon(beacon, key, eid.rotationExponent(), eid.clockOffsetSeconds());
    }

    private static Resolved resolved(Beacon beacon) {
        return new Resolved(beacon.id(), beacon.storeId().value(), beacon.txPower(), beacon.zoneId());
    }

    private static boolean fresh(Timed<?> timed, long now) {
        return now - timed.atNanos() < TTL.toNanos();
    }

    private static <V> void remember(Map<String, V> map, String key, V value) {
        if (map.size() >= MAX_REMEMBERED) {
            map.clear();
        }
        map.put(key, value);
    }
}
