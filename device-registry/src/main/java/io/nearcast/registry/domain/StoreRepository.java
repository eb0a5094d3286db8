package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.Collection;
import java.util.Optional;

/** Port: where stores are kept. Implementations: JDBC (H2, PostgreSQL). */
public interface StoreRepository {

    void insert(Store store);

    Optional<Store> find(StoreId id);

    /**
     * Replaces name, time zone, location and opening hours (id and creation time never change).
     *
     * @return false when no such store exists
     */
    boolean update(Store store);

    /** All stores, oldest first. */
    Page<Store> list(PageRequest request);

    /** Only the given stores, oldest first. */
    Page<Store> listAmong(Collection<StoreId> ids, PageRequest request);
}
