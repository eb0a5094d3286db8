package io.nearcast.kernel.persistence;

import io.nearcast.kernel.domain.Deletion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every module's JDBC adapters' access to the database: one pooled connection per operation, closed afterwards,
 * and every {@link SQLException} turned into a {@link RepositoryException} naming the operation.
 * Thread-safe as long as the {@link DataSource} is.
 */
public final class Jdbc {

    /** Work on an open connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Runs the work in auto-commit mode. */
    public <T> T run(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new RepositoryException(operation, e);
        }
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(String operation, Work<T> work) {
        return run(operation, connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                // pooled connections go back as they came
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /**
     * Deletes the row with this id; a foreign key that still refers to it makes it
     * {@link Deletion#IN_USE} and changes nothing.
     */
    public Deletion delete(String table, String id) {
        try {
            return run("deleting " + id + " from " + table, connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                    delete.setString(1, id);
                    return delete.executeUpdate() == 1 ? Deletion.DELETED : Deletion.NOT_FOUND;
                }
            });
        } catch (RepositoryException e) {
            if (e.isStillReferenced()) {
                return Deletion.IN_USE;
            }
            throw e;
        }
    }

    public static <T> List<T> rows(PreparedStatement statement, RowReader<T> reader) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            List<T> items = new ArrayList<>();
            while (rows.next()) {
                items.add(reader.read(rows));
            }
            return items;
        }
    }

    public static <T> Optional<T> firstRow(PreparedStatement statement, RowReader<T> reader) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
        }
    }

    /** Runs a {@code SELECT COUNT(*)}. */
    public static long count(PreparedStatement statement) throws SQLException {
        return firstRow(statement, row -> row.getLong(1)).orElseThrow();
    }

    /** Whether the statement failed because a unique or primary key already holds the value (SQLState 23505, H2 and PostgreSQL). */
    public static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
