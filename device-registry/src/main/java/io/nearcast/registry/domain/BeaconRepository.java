package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Deletion;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.List;
import java.util.Optional;

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

    /** The store's beacons, oldest first. */
    Page<Beacon> list(StoreId storeId, PageRequest request);

    Deletion delete(String id);
}
