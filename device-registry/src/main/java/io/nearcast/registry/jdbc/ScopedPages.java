package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.StoreId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Pages of a table whose rows belong to one store or to none ({@code store_id} nullable) and are
 * ordered by {@code seq}: all rows, or those of some stores. Rows without a store are in the first
 * kind of page only.
 */
final class ScopedPages {

    private ScopedPages() {
    }

    /** Every row, oldest first, with the table's total. */
    static <T> Page<T> all(Connection connection, String table, String columns, PageRequest request, Jdbc.RowReader<T> reader)
            throws SQLException {
        return page(connection, table, columns, "", List.of(), request, reader);
    }

    /** The rows of the given stores, oldest first, with their total; no stores give an empty page without a query. */
    static <T> Page<T> among(Connection connection, String table, String columns, Collection<StoreId> storeIds, PageRequest request,
                             Jdbc.RowReader<T> reader) throws SQLException {
        if (storeIds.isEmpty()) {
            return Page.of(List.of(), request, 0);
        }
        List<String> ids = List.copyOf(new TreeSet<>(storeIds.stream().map(StoreId::value).toList()));
        return page(connection, table, columns, " WHERE store_id IN (" + Jdbc.placeholders(ids.size()) + ")", ids, request, reader);
    }

    private static <T> Page<T> page(Connection connection, String table, String columns, String where, List<String> parameters,
                                    PageRequest request, Jdbc.RowReader<T> reader) throws SQLException {
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table + where)) {
            bind(count, parameters);
            total = Jdbc.count(count);
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + columns + " FROM " + table + where + " ORDER BY seq LIMIT ? OFFSET ?")) {
            bind(select, parameters);
            select.setInt(parameters.size() + 1, request.size());
            select.setLong(parameters.size() + 2, request.offset());
            return Page.of(Jdbc.rows(select, reader), request, total);
        }
    }

    private static void bind(PreparedStatement statement, List<String> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setString(i + 1, parameters.get(i));
        }
    }
}
