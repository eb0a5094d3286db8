package io.nearcast.privacy.domain;

import java.util.Optional;

/** Port: registered shoppers. */
public interface ShopperRepository {

    void insert(Shopper shopper);

    Optional<Shopper> find(ShopperId id);

    /** @param tokenHash hex SHA-256 of a presented token */
    Optional<Shopper> findByTokenHash(String tokenHash);

    /** @return how many rows were removed (0 or 1) */
    long delete(ShopperId id);
}
