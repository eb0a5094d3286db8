package io.nearcast.privacy.domain;

import java.util.List;
import java.util.Optional;

/** Port: registered shoppers. */
public interface ShopperRepository {

    void insert(Shopper shopper);

    Optional<Shopper> find(ShopperId id);

    /** @param tokenHash hex SHA-256 of a presented token */
    Optional<Shopper> findByTokenHash(String tokenHash);

    /** Every shopper that has an identity key for rotating identifiers. */
    List<Shopper> withEidKeys();

    /** @return how many rows were removed (0 or 1) */
    long delete(ShopperId id);
}
