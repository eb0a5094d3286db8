package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.UtcTimestamps;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.OpeningHours;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.StoreRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Stores in the {@code registry_store} table, listed oldest first (by insertion order).
 * {@code createdAt} reads back truncated to microseconds. Thread-safe.
 *
 * <p>Every method throws {@link RepositoryException} when the database fails; {@link #insert}
 * also when the id is taken ({@link RepositoryException#isDuplicateKey()}).
 */
public final class JdbcStoreRepository implements StoreRepository {

    private static final String COLUMNS = "id, name, timezone, lat, lon, created_at, opening_hours";

    private final Jdbc jdbc;

    public JdbcStoreRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(Store store) {
        jdbc.run("inserting store " + store.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO registry_store (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, store.id().value());
                insert.setString(2, store.name());
                insert.setString(3, store.timezone().getId());
                insert.setDouble(4, store.location().lat());
                insert.setDouble(5, store.location().lon());
                UtcTimestamps.set(insert, 6, store.createdAt());
                insert.setString(7, store.openingHours().map(OpeningHours::encoded).orElse(null));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Store> find(StoreId id) {
        return jdbc.run("reading store " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM registry_store WHERE id = ?")) {
                select.setString(1, id.value());
                return Jdbc.firstRow(select, JdbcStoreRepository::store);
            }
        });
    }

    @Override
    public boolean update(Store store) {
        return jdbc.run("updating store " + store.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE registry_store SET name = ?, timezone = ?, lat = ?, lon = ?, opening_hours = ? WHERE id = ?")) {
                update.setString(1, store.name());
                update.setString(2, store.timezone().getId());
                update.setDouble(3, store.location().lat());
                update.setDouble(4, store.location().lon());
                update.setString(5, store.openingHours().map(OpeningHours::encoded).orElse(null));
                update.setString(6, store.id().value());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Page<Store> list(PageRequest request) {
        return jdbc.run("listing stores", connection -> page(connection, List.of(), request));
    }

    /** An empty collection gives an empty page without asking the database. */
    @Override
    public Page<Store> listAmong(Collection<StoreId> ids, PageRequest request) {
        if (ids.isEmpty()) {
            return Page.of(List.of(), request, 0);
        }
        List<String> distinct = List.copyOf(distinctValues(ids));
        return jdbc.run("listing " + distinct.size() + " stores", connection -> page(connection, distinct, request));
    }

    /** A page of all stores, or of those with the given ids when there are any. */
    private static Page<Store> page(Connection connection, List<String> ids, PageRequest request) throws SQLException {
        String where = ids.isEmpty() ? "" : " WHERE id IN (" + Jdbc.placeholders(ids.size()) + ")";
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM registry_store" + where)) {
            bindIds(count, ids);
            total = Jdbc.count(count);
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM registry_store" + where + " ORDER BY seq LIMIT ? OFFSET ?")) {
            int next = bindIds(select, ids);
            select.setInt(next, request.size());
            select.setLong(next + 1, request.offset());
            return Page.of(Jdbc.rows(select, JdbcStoreRepository::store), request, total);
        }
    }

    /** Binds the ids from parameter 1; returns the index of the next parameter. */
    private static int bindIds(PreparedStatement statement, List<String> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setString(i + 1, ids.get(i));
        }
        return ids.size() + 1;
    }

    private static Set<String> distinctValues(Collection<StoreId> ids) {
        Set<String> values = new LinkedHashSet<>();
        ids.forEach(id -> values.add(id.value()));
        return values;
    }

    private static Store store(ResultSet row) throws SQLException {
        return new Store(
                new StoreId(row.getString("id")),
                row.getString("name"),
                ZoneId.of(row.getString("timezone")),
                new GeoPoint(row.getDouble("lat"), row.getDouble("lon")),
                openingHours(row.getString("id"), row.getString("opening_hours")),
                UtcTimestamps.get(row, "created_at"));
    }

    private static Optional<OpeningHours> openingHours(String id, String encoded) throws SQLException {
        try {
            return Optional.ofNullable(encoded).map(OpeningHours::decode);
        } catch (IllegalArgumentException e) {
            throw new SQLException("store " + id + " has unreadable opening hours", e);
        }
    }
}
