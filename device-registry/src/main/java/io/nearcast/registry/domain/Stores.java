package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

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
        Store store = new Store(StoreId.random(), request.name(), request.timezone(), request.location(), request.openingHours(), clock.instant());
        repository.insert(store);
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "create", "store/" + store.id(),
                "name=" + store.name() + ", timezone=" + store.timezone()));
        return store;
    }

    /**
     * Changes what is given; staff may change the stores they are scoped to. An empty
     * {@link OpeningHours} (no spans, no closed dates) removes the opening hours.
     *
     * @throws io.nearcast.kernel.domain.InvalidField naming {@code name}, {@code timezone} or {@code location}
     * @throws NotFound also for a store outside a staff caller's scope
     */
    public Store update(Caller caller, String id, StoreChange change) {
        Store current = get(caller, id);
        Optional<OpeningHours> hours = change.openingHours().isPresent()
                ? change.openingHours().filter(given -> !given.weekly().isEmpty() || !given.closedDates().isEmpty())
                : current.openingHours();
        Store changed = new Store(current.id(),
                change.name().map(NewStore::name).orElse(current.name()),
                change.timezone().map(NewStore::zone).orElse(current.timezone()),
                change.location().orElse(current.location()),
                hours,
                current.createdAt());
        if (!repository.update(changed)) {
            throw new NotFound("store " + id);
        }
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "update", "store/" + changed.id(), change.summary()));
        return changed;
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
