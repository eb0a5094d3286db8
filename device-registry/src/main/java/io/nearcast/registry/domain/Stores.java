package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Clock;
import java.util.List;

/** Registering and reading stores, with the caller's rights checked on every call. */
public final class Stores {

    private final StoreRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    public Stores(StoreRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** Admins register stores; staff tokens are then scoped to them. */
    public Store create(Caller caller, NewStore request) {
        caller.requireAdmin("registering a store");
        Store store = new Store(StoreId.random(), request.name(), request.timezone(), request.location(), clock.instant());
        repository.insert(store);
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "create", "store/" + store.id(),
                "name=" + store.name() + ", timezone=" + store.timezone()));
        return store;
    }

    /** @throws NotFound also for a store outside a staff caller's scope */
    public Store get(Caller caller, String id) {
        return StoreId.parse(id)
                .filter(storeId -> caller.mayAccessStore(storeId.value()))
                .flatMap(repository::find)
                .orElseThrow(() -> new NotFound("store " + id));
    }

    /** The stores the caller may see. */
    public Page<Store> list(Caller caller, PageRequest request) {
        if (caller.isAdmin()) {
            return repository.list(request);
        }
        List<StoreId> scope = caller.storeIds().stream().map(StoreId::new).toList();
        return repository.listAmong(scope, request);
    }
}
