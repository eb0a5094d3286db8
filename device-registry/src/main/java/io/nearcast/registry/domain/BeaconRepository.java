package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Deletion;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** Port: registered beacons; {@link BeaconIdentity#uniqueKey()} is unique across all stores. */
public interface BeaconRepository {

    /**
     * Inserts all or none.
     *
     * @return the unique keys that already exist (then nothing was inserted); empty on success
     */
    List<String> insertAll(List<Beacon> beacons);

    Optional<Beacon> find(String id);

    /** The beacon with this identity ({@link BeaconIdentity#uniqueKey()}), in whichever store. */
    Optional<Beacon> findByUniqueKey(String uniqueKey);

    /** The store's Eddystone-EID beacons (their ids are resolved by computing, not looked up), oldest first. */
    List<Beacon> eidBeacons(StoreId storeId);

    /**
     * Records that a beacon was heard, with what its telemetry said: last seen is set; battery and
     * temperature only when given (a beacon without TLM keeps its last known values).
     *
     * @return false if there is no such beacon
     */
    boolean recordTelemetry(String id, Instant heardAt, OptionalInt batteryMillivolts, Optional<Double> temperatureCelsius);

    /** The store's beacons, oldest first. */
    Page<Beacon> list(StoreId storeId, PageRequest request);

    Deletion delete(String id);
}
