package io.nearcast.registry.jdbc;

import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;

/** The two stores most repository contracts start from: the one under test and another, both already stored. */
record TwoStores(Store store, Store otherStore) {

    static TwoStores insertedInto(DataSource dataSource, Instant createdAt) {
        JdbcStoreRepository stores = new JdbcStoreRepository(dataSource);
        Store store = new Store(StoreId.random(), "Mitte", ZoneId.of("Europe/Berlin"), new GeoPoint(52.52, 13.405), createdAt);
        Store otherStore = new Store(StoreId.random(), "Kreuzberg", ZoneId.of("Europe/Berlin"), new GeoPoint(52.49, 13.42), createdAt);
        stores.insert(store);
        stores.insert(otherStore);
        return new TwoStores(store, otherStore);
    }
}
