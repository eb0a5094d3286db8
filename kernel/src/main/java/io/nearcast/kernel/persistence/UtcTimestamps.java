package io.nearcast.kernel.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Instants in {@code TIMESTAMP WITH TIME ZONE} columns: written in UTC and truncated to
 * microseconds (what H2 and PostgreSQL keep), read back as instants whatever the session's zone.
 */
public final class UtcTimestamps {

    private UtcTimestamps() {
    }

    /** The instant as it will read back from the database. */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, stored(instant).atOffset(ZoneOffset.UTC));
    }

    public static void setNullable(PreparedStatement statement, int index, Optional<Instant> instant) throws SQLException {
        if (instant.isPresent()) {
            set(statement, index, instant.get());
        } else {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    public static Instant get(ResultSet row, String column) throws SQLException {
        return getNullable(row, column).orElseThrow(() -> new SQLException(column + " is null"));
    }

    public static Optional<Instant> getNullable(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
