package io.nearcast.geofence.jdbc;

import io.nearcast.geofence.domain.VisitHistory;
import io.nearcast.geofence.domain.VisitRecord;
import io.nearcast.geofence.domain.ZoneEvent;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.persistence.UtcTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The visit history in {@code geofence_visit}: one row per visit, completed by its dwell and exit
 * events; a batch of events is one transaction. Thread-safe.
 */
public final class JdbcVisitHistory implements VisitHistory {

    private static final String COLUMNS = "visit_id, shopper_id, store_id, zone_id, entered_at, dwelt_at, exited_at, dwell_ms, exit_reason";
    private static final String INSERT_IF_ABSENT = "INSERT INTO geofence_visit (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM geofence_visit WHERE visit_id = ?)";

    private final Jdbc jdbc;

    public JdbcVisitHistory(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void record(List<ZoneEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.inTransaction("recording " + events.size() + " zone events", connection -> {
            for (ZoneEvent event : events) {
                switch (event.type()) {
                    case ENTER -> insertIfAbsent(connection, event, Optional.empty(), Optional.empty());
                    case DWELL -> {
                        if (update(connection, "UPDATE geofence_visit SET dwelt_at = ? WHERE visit_id = ? AND dwelt_at IS NULL", event, false) == 0) {
                            insertIfAbsent(connection, event, Optional.of(event.at()), Optional.empty());
                        }
                    }
                    case EXIT -> {
                        String sql = "UPDATE geofence_visit SET exited_at = ?, dwell_ms = ?, exit_reason = ? WHERE visit_id = ? AND exited_at IS NULL";
                        if (update(connection, sql, event, true) == 0) {
                            insertIfAbsent(connection, event, Optional.empty(), Optional.of(event));
                        }
                    }
                }
            }
            return null;
        });
    }

    /** A visit row from the event; for a dwell or exit whose enter is missing, the enter is inferred from the dwell time. */
    private static void insertIfAbsent(Connection connection, ZoneEvent event, Optional<Instant> dweltAt, Optional<ZoneEvent> exit) throws SQLException {
        Instant entered = event.at().minus(event.dwell().orElse(Duration.ZERO));
        try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
            insert.setString(1, event.visitId());
            insert.setString(2, event.shopperId());
            insert.setString(3, event.storeId());
            insert.setString(4, event.zoneId());
            UtcTimestamps.set(insert, 5, entered);
            UtcTimestamps.setNullable(insert, 6, dweltAt);
            UtcTimestamps.setNullable(insert, 7, exit.map(ZoneEvent::at));
            if (exit.isPresent()) {
                insert.setLong(8, exit.get().dwell().orElseThrow().toMillis());
                insert.setString(9, exit.get().reason().orElseThrow().wireName());
            } else {
                insert.setNull(8, java.sql.Types.BIGINT);
                insert.setNull(9, java.sql.Types.VARCHAR);
            }
            insert.setString(10, event.visitId());
            insert.executeUpdate();
        }
    }

    private static int update(Connection connection, String sql, ZoneEvent event, boolean exit) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            UtcTimestamps.set(update, i++, event.at());
            if (exit) {
                update.setLong(i++, event.dwell().orElseThrow().toMillis());
                update.setString(i++, event.reason().orElseThrow().wireName());
            }
            update.setString(i, event.visitId());
            int changed = update.executeUpdate();
            if (changed == 0 && exists(connection, event.visitId())) {
                return 1; // a repeat: the visit already has this part
            }
            return changed;
        }
    }

    private static boolean exists(Connection connection, String visitId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM geofence_visit WHERE visit_id = ?")) {
            select.setString(1, visitId);
            return Jdbc.count(select) > 0;
        }
    }

    @Override
    public List<VisitRecord> of(String shopperId) {
        return jdbc.run("reading a shopper's visits", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM geofence_visit WHERE shopper_id = ? ORDER BY entered_at, visit_id")) {
                select.setString(1, shopperId);
                return Jdbc.rows(select, JdbcVisitHistory::visit);
            }
        });
    }

    @Override
    public long erase(String shopperId) {
        return jdbc.run("erasing a shopper's visits", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM geofence_visit WHERE shopper_id = ?")) {
                delete.setString(1, shopperId);
                return (long) delete.executeUpdate();
            }
        });
    }

    @Override
    public long purgeEnteredBefore(Instant cutoff) {
        return jdbc.run("purging old visits", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM geofence_visit WHERE entered_at < ?")) {
                UtcTimestamps.set(delete, 1, cutoff);
                return (long) delete.executeUpdate();
            }
        });
    }

    private static VisitRecord visit(ResultSet row) throws SQLException {
        long dwell = row.getLong("dwell_ms");
        Optional<Duration> dwellTime = row.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(dwell));
        return new VisitRecord(row.getString("visit_id"), row.getString("shopper_id"), row.getString("store_id"), row.getString("zone_id"),
                UtcTimestamps.get(row, "entered_at"), UtcTimestamps.getNullable(row, "dwelt_at"), UtcTimestamps.getNullable(row, "exited_at"),
                dwellTime, Optional.ofNullable(row.getString("exit_reason")));
    }
}
