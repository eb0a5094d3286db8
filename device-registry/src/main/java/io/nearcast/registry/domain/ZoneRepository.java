package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Deletion;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.List;
import java.util.Optional;

/** Port: where zones are kept. */
public interface ZoneRepository {

    /** What is placed in a zone and keeps it from being deleted. */
    record Placements(long beacons, long devices) {
    }

    void insert(Zone zone);

    /** Inserts all or none (bulk import). */
    void insertAll(List<Zone> zones);

    Optional<Zone> find(String id);

    /** The store's zones, oldest first. */
    Page<Zone> list(StoreId storeId, PageRequest request);

    /**
     * Every zone of every store, by store id and then oldest first within each store; read in one
     * query (the geofence index is built from it, up to about 100,000 zones).
     */
    List<Zone> everyZone();

    /**
     * Replaces name, floor, tags, shape and dwell time of an existing zone, all at once (id, store
     * and creation time never change).
     *
     * @return false when the store has no zone with this id
     */
    boolean update(Zone zone);

    /** {@link Deletion#IN_USE} while beacons or devices are placed in the zone. */
    Deletion delete(String id);

    /** How many beacons and devices are placed in the zone (none for an unknown zone). */
    Placements placements(String id);
}
