package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Deletion;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.List;
import java.util.Optional;

/** Port: where zones are kept. */
public interface ZoneRepository {

    void insert(Zone zone);

    /** Inserts all or none (bulk import). */
    void insertAll(List<Zone> zones);

    Optional<Zone> find(String id);

    /** The store's zones, oldest first. */
    Page<Zone> list(StoreId storeId, PageRequest request);

    /** {@link Deletion#IN_USE} while beacons are placed in the zone. */
    Deletion delete(String id);
}
