package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Zones of a store; staff manage the zones of their own stores. */
public final class Zones {

    static final int MAX_EXPORT = 10_000;

    private final ZoneRepository repository;
    private final Stores stores;
    private final AuditLog audit;
    private final Clock clock;

    public Zones(ZoneRepository repository, Stores stores, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws NotFound for an unknown store or one outside the caller's scope */
    public Zone create(Caller caller, String storeId, NewZone request) {
        Store store = stores.get(caller, storeId);
        Zone zone = new Zone(UUID.randomUUID().toString(), store.id(), request.name(), request.floor(), request.tags(), request.shape(), clock.instant());
        repository.insert(zone);
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "create", "zone/" + zone.id(),
                "store=" + store.id() + ", name=" + zone.name() + ", shape=" + describe(zone.shape())));
        return zone;
    }

    /** Creates all the zones or, if any cannot be stored, none. */
    public List<Zone> importAll(Caller caller, String storeId, List<NewZone> requests) {
        Store store = stores.get(caller, storeId);
        List<Zone> created = requests.stream()
                .map(request -> new Zone(UUID.randomUUID().toString(), store.id(), request.name(), request.floor(), request.tags(), request.shape(), clock.instant()))
                .toList();
        repository.insertAll(created);
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "create", "store/" + store.id() + "/zones",
                "imported " + created.size() + " zones"));
        return created;
    }

    /** Every zone of the store, for export; at most {@value #MAX_EXPORT}. */
    public List<Zone> all(Caller caller, String storeId) {
        StoreId id = stores.get(caller, storeId).id();
        List<Zone> zones = new ArrayList<>();
        for (int page = 0; zones.size() < MAX_EXPORT; page++) {
            Page<Zone> slice = repository.list(id, new PageRequest(page, PageRequest.MAX_SIZE));
            zones.addAll(slice.items());
            if (slice.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        return zones;
    }

    public Zone get(Caller caller, String storeId, String zoneId) {
        Store store = stores.get(caller, storeId);
        return repository.find(zoneId)
                .filter(zone -> zone.storeId().equals(store.id()))
                .orElseThrow(() -> new NotFound("zone " + zoneId));
    }

    /**
     * Removes a zone of the store.
     *
     * @throws Conflict while beacons are placed in it (delete or re-register them first)
     * @throws NotFound also for another store's zone
     */
    public void delete(Caller caller, String storeId, String zoneId) {
        Zone zone = get(caller, storeId, zoneId);
        Deletions.require(repository.delete(zone.id()), "zone " + zone.id(), "beacons are still placed in it; delete or move them first");
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "delete", "zone/" + zone.id(), "name=" + zone.name()));
    }

    public Page<Zone> list(Caller caller, String storeId, PageRequest request) {
        return repository.list(stores.get(caller, storeId).id(), request);
    }

    private static String describe(ZoneShape shape) {
        if (shape instanceof ZoneShape.Area area) {
            return area.geometry().getGeometryType() + " of " + area.geometry().getNumPoints() + " positions";
        }
        ZoneShape.Circle circle = (ZoneShape.Circle) shape;
        return "circle r=" + circle.radiusMeters() + "m";
    }
}
