package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.Collection;
import java.util.Optional;

/** Port: where stores are kept. Implementations: JDBC (H2, PostgreSQL). */
public interface StoreRepository {

    void insert(Store store);

    Optional<Store> find(StoreId id);

    /** All stores, oldest first. */
    Page<Store> list(PageRequest request);

    /** Only the given stores, oldest first. */
    Page<Store> listAmong(Collection<StoreId> ids, PageRequest request);
}
