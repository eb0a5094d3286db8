package io.nearcast.privacy.jdbc;

import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.persistence.UtcTimestamps;
import io.nearcast.privacy.domain.Shopper;
import io.nearcast.privacy.domain.ShopperId;
import io.nearcast.privacy.domain.ShopperRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Shoppers in {@code privacy_shopper}. Operation names in exceptions never carry a shopper id.
 * Thread-safe.
 */
public final class JdbcShopperRepository implements ShopperRepository {

    private static final String COLUMNS = "id, token_hash, eid_key_sealed, created_at";

    private final Jdbc jdbc;

    public JdbcShopperRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(Shopper shopper) {
        jdbc.run("inserting a shopper", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO privacy_shopper (" + COLUMNS + ") VALUES (?, ?, ?, ?)")) {
                insert.setString(1, shopper.id().value());
                insert.setString(2, shopper.tokenHash());
                insert.setString(3, shopper.sealedEidKey().orElse(null));
                UtcTimestamps.set(insert, 4, shopper.createdAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Shopper> find(ShopperId id) {
        return selectOne("id", id.value());
    }

    @Override
    public Optional<Shopper> findByTokenHash(String tokenHash) {
        return selectOne("token_hash", tokenHash);
    }

    @Override
    public List<Shopper> withEidKeys() {
        return jdbc.run("reading the shoppers' identity keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM privacy_shopper WHERE eid_key_sealed IS NOT NULL ORDER BY created_at")) {
                return Jdbc.rows(select, JdbcShopperRepository::shopper);
            }
        });
    }

    @Override
    public long delete(ShopperId id) {
        return jdbc.run("deleting a shopper", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM privacy_shopper WHERE id = ?")) {
                delete.setString(1, id.value());
                return (long) delete.executeUpdate();
            }
        });
    }

    private Optional<Shopper> selectOne(String column, String value) {
        return jdbc.run("reading a shopper", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM privacy_shopper WHERE " + column + " = ?")) {
                select.setString(1, value);
                return Jdbc.firstRow(select, JdbcShopperRepository::shopper);
            }
        });
    }

    private static Shopper shopper(ResultSet row) throws SQLException {
        return new Shopper(new ShopperId(row.getString("id")), row.getString("token_hash"), Optional.ofNullable(row.getString("eid_key_sealed")),
                UtcTimestamps.get(row, "created_at"));
    }
}
