package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Deletion;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Zones of a store; staff manage the zones of their own stores. Every change that the repository
 * took — create, import, update, delete — is announced once through {@link ZoneChanges}, right
 * after the repository holds it; a refused or failed one is not.
 */
public final class Zones {

    static final int MAX_EXPORT = 10_000;

    private final ZoneRepository repository;
    private final Stores stores;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneChanges changes;

    public Zones(ZoneRepository repository, Stores stores, AuditLog audit, Clock clock, ZoneChanges changes) {
        this.repository = repository;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
        this.changes = changes;
    }

    /** @throws NotFound for an unknown store or one outside the caller's scope */
    public Zone create(Caller caller, String storeId, NewZone request) {
        Store store = stores.get(caller, storeId);
        Zone zone = zone(store, request);
        repository.insert(zone);
        changes.changed(store.id());
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "create", "zone/" + zone.id(),
                "store=" + store.id() + ", name=" + zone.name() + ", shape=" + describe(zone.shape())));
        return zone;
    }

    /** Creates all the zones or, if any cannot be stored, none. */
    public List<Zone> importAll(Caller caller, String storeId, List<NewZone> requests) {
        Store store = stores.get(caller, storeId);
        List<Zone> created = requests.stream().map(request -> zone(store, request)).toList();
        repository.insertAll(created);
        changes.changed(store.id());
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
     * Changes a zone of the store; the parts the change leaves empty stay as they are.
     *
     * @throws NotFound also for another store's zone
     */
    public Zone update(Caller caller, String storeId, String zoneId, ZoneChange change) {
        Zone current = get(caller, storeId, zoneId);
        Zone changed = change.applyTo(current);
        if (!repository.update(changed)) {
            throw new NotFound("zone " + zoneId);
        }
        changes.changed(changed.storeId());
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "update", "zone/" + changed.id(), change.summary()));
        return changed;
    }

    /**
     * Removes a zone of the store.
     *
     * @throws io.nearcast.kernel.domain.Conflict while beacons or devices are placed in it (delete
     *         them, or move the devices elsewhere, first)
     * @throws NotFound also for another store's zone
     */
    public void delete(Caller caller, String storeId, String zoneId) {
        Zone zone = get(caller, storeId, zoneId);
        Deletion deletion = repository.delete(zone.id());
        Deletions.require(deletion, "zone " + zone.id(), deletion == Deletion.IN_USE ? whatIsPlacedIn(zone) : "");
        changes.changed(zone.storeId());
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "delete", "zone/" + zone.id(), "name=" + zone.name()));
    }

    public Page<Zone> list(Caller caller, String storeId, PageRequest request) {
        return repository.list(stores.get(caller, storeId).id(), request);
    }

    private Zone zone(Store store, NewZone request) {
        return new Zone(UUID.randomUUID().toString(), store.id(), request.name(), request.floor(), request.tags(), request.shape(),
                clock.instant(), request.dwellSeconds());
    }

    /** Why the zone cannot be deleted, for the 409. */
    private String whatIsPlacedIn(Zone zone) {
        ZoneRepository.Placements placed = repository.placements(zone.id());
        if (placed.beacons() > 0 && placed.devices() > 0) {
            return "beacons and devices are still placed in it; delete the beacons and move or delete the devices first";
        }
        if (placed.beacons() > 0) {
            return "beacons are still placed in it; delete or move them first";
        }
        if (placed.devices() > 0) {
            return "devices are still placed in it; move them to another zone (PATCH zoneId) or delete them first";
        }
        return "other records still refer to it";
    }

    static String describe(ZoneShape shape) {
        if (shape instanceof ZoneShape.Area area) {
            return area.geometry().getGeometryType() + " of " + area.geometry().getNumPoints() + " positions";
        }
        ZoneShape.Circle circle = (ZoneShape.Circle) shape;
        return "circle r=" + circle.radiusMeters() + "m";
    }
}
