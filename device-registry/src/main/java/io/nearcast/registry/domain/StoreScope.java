package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import java.util.Optional;

/**
 * The store rules of resources that may belong to one store or to none (tags and tag batches):
 * staff register and see only their stores' resources; resources without a store, valid in
 * every store, are the administrators'.
 */
final class StoreScope {

    private final Stores stores;

    StoreScope(Stores stores) {
        this.stores = stores;
    }

    /**
     * The store a new resource goes to, named by the client in {@code storeId}; empty for none.
     *
     * @param what e.g. {@code a tag}, for the refusal
     * @throws Forbidden     for a staff caller and a store outside its scope, or no store
     * @throws InvalidField  naming {@code storeId} when an administrator names an unknown store
     */
    Optional<StoreId> forNew(Caller caller, String storeId, String what) {
        if (storeId == null || storeId.isBlank()) {
            caller.requireAdmin("registering " + what + " without a store");
            return Optional.empty();
        }
        String text = storeId.strip();
        if (!caller.mayAccessStore(text)) {
            throw new Forbidden("this token may not register " + what + " in store " + Names.printable(text));
        }
        try {
            return Optional.of(stores.get(caller, text).id());
        } catch (NotFound e) {
            throw new InvalidField("storeId", "no store " + Names.printable(text));
        }
    }

    /** Whether the caller may see a resource of this store (or of none). */
    static boolean mayRead(Caller caller, Optional<StoreId> storeId) {
        return caller.isAdmin() || storeId.map(id -> caller.mayAccessStore(id.value())).orElse(false);
    }

    /** @throws NotFound for an unknown store or one outside the caller's scope */
    StoreId readable(Caller caller, String storeId) {
        return stores.get(caller, storeId.strip()).id();
    }
}
