package io.nearcast.registry.jdbc;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.registry.domain.StoreId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Pages of a store's rows, for the registry's tables that belong to one store. */
final class StorePages {

    private StorePages() {
    }

    /**
     * One page of a store's rows from a table with {@code store_id} and {@code seq} columns,
     * oldest first, with the store's total.
     */
    static <T> Page<T> page(Connection connection, String table, String columns, StoreId storeId, PageRequest request,
                                 Jdbc.RowReader<T> reader) throws SQLException {
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE store_id = ?")) {
            count.setString(1, storeId.value());
            total = Jdbc.count(count);
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + columns + " FROM " + table + " WHERE store_id = ? ORDER BY seq LIMIT ? OFFSET ?")) {
            select.setString(1, storeId.value());
            select.setInt(2, request.size());
            select.setLong(3, request.offset());
            return Page.of(Jdbc.rows(select, reader), request, total);
        }
    }

    /** {@code ?, ?, ?} for an {@code IN} list of {@code n} values; {@code n} is at least 1. */
}
