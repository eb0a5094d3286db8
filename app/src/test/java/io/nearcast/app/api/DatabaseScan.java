package io.nearcast.app.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Searches every text column of every table in the current schema: proves a secret is stored nowhere in clear. */
final class DatabaseScan {

    private DatabaseScan() {
    }

    /** {@code table.column} of every cell containing {@code needle}. */
    static List<String> cellsContaining(DataSource dataSource, String needle) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                            + " AND data_type IN ('CHARACTER VARYING', 'character varying', 'CHARACTER LARGE OBJECT', 'text', 'TEXT')");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("no text columns found: the scan would prove nothing");
            }
            for (String[] column : columns) {
                String sql = "SELECT count(*) FROM \"" + column[0] + "\" WHERE \"" + column[1] + "\" LIKE ?";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, "%" + needle + "%");
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            hits.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return hits;
    }
}
