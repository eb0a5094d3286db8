package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Clock;
import java.util.UUID;

/** Zones of a store; staff manage the zones of their own stores. */
public final class Zones {

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

    public Zone get(Caller caller, String storeId, String zoneId) {
        Store store = stores.get(caller, storeId);
        return repository.find(zoneId)
                .filter(zone -> zone.storeId().equals(store.id()))
                .orElseThrow(() -> new NotFound("zone " + zoneId));
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
