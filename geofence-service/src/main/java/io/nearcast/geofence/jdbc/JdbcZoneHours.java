package io.nearcast.geofence.jdbc;

import io.nearcast.geofence.domain.DwellBuckets;
import io.nearcast.geofence.domain.ZoneHour;
import io.nearcast.geofence.domain.ZoneHourDelta;
import io.nearcast.geofence.domain.ZoneHourKey;
import io.nearcast.geofence.domain.ZoneHours;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.persistence.UtcTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The zone statistics in {@code geofence_zone_hour}. Additions are UPDATE-then-INSERT in auto-commit
 * mode, and an INSERT that loses a race with another instance (unique violation, SQLState 23505)
 * becomes an UPDATE, so several writers add up correctly on H2 and PostgreSQL alike. Thread-safe.
 */
public final class JdbcZoneHours implements ZoneHours {

    private static final List<String> BUCKET_COLUMNS = DwellBuckets.NAMES.stream().map(name -> "dwell_" + name).toList();
    private static final String KEY = "store_id = ? AND zone_id = ? AND hour_start = ?";
    private static final String ADD = "UPDATE geofence_zone_hour SET visits = visits + ?, anonymous_sightings = anonymous_sightings + ?, "
            + BUCKET_COLUMNS.stream().map(c -> c + " = " + c + " + ?").collect(Collectors.joining(", "))
            + ", dwell_total_ms = dwell_total_ms + ? WHERE " + KEY;
    private static final String INSERT = "INSERT INTO geofence_zone_hour (store_id, zone_id, hour_start, visits, unique_visitors, anonymous_sightings, "
            + String.join(", ", BUCKET_COLUMNS) + ", dwell_total_ms) VALUES (?, ?, ?, ?, 0, ?, " + Jdbc.placeholders(BUCKET_COLUMNS.size()) + ", ?)";
    private static final String COUNT_VISITORS = "UPDATE geofence_zone_hour SET unique_visitors = GREATEST(unique_visitors, "
            + "(SELECT COUNT(DISTINCT shopper_id) FROM geofence_visit v WHERE v.store_id = ? AND v.zone_id = ? AND v.entered_at >= ? AND v.entered_at < ?))"
            + " WHERE " + KEY;
    private static final String COLUMNS = "store_id, zone_id, hour_start, visits, unique_visitors, anonymous_sightings, "
            + String.join(", ", BUCKET_COLUMNS) + ", dwell_total_ms";

    private final Jdbc jdbc;

    public JdbcZoneHours(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(Collection<ZoneHourDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        jdbc.run("adding " + deltas.size() + " zone-hour statistics", connection -> {
            for (ZoneHourDelta delta : deltas) {
                if (addTo(connection, delta) == 0 && !insert(connection, delta)) {
                    addTo(connection, delta); // another writer created the row meanwhile
                }
            }
            return null;
        });
    }

    private static int addTo(Connection connection, ZoneHourDelta delta) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(ADD)) {
            int i = 1;
            update.setLong(i++, delta.visits());
            update.setLong(i++, delta.anonymousSightings());
            for (long bucket : delta.dwellBuckets()) {
                update.setLong(i++, bucket);
            }
            update.setLong(i++, delta.dwellMillis());
            key(update, i, delta.key());
            return update.executeUpdate();
        }
    }

    /** False when the row appeared meanwhile. */
    private static boolean insert(Connection connection, ZoneHourDelta delta) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = key(insert, 1, delta.key());
            insert.setLong(i++, delta.visits());
            insert.setLong(i++, delta.anonymousSightings());
            for (long bucket : delta.dwellBuckets()) {
                insert.setLong(i++, bucket);
            }
            insert.setLong(i, delta.dwellMillis());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void countUniqueVisitors(Collection<ZoneHourKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.run("counting the visitors of " + keys.size() + " zone-hours", connection -> {
            try (PreparedStatement update = connection.prepareStatement(COUNT_VISITORS)) {
                for (ZoneHourKey key : keys) {
                    update.setString(1, key.storeId());
                    update.setString(2, key.zoneId());
                    UtcTimestamps.set(update, 3, key.hour());
                    UtcTimestamps.set(update, 4, key.hour().plus(Duration.ofHours(1)));
                    key(update, 5, key);
                    update.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Page<ZoneHour> list(String storeId, Optional<String> zoneId, Instant from, Instant to, PageRequest request) {
        String where = " WHERE store_id = ?" + (zoneId.isPresent() ? " AND zone_id = ?" : "") + " AND hour_start >= ? AND hour_start < ?";
        return jdbc.run("listing zone statistics", connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM geofence_zone_hour" + where)) {
                filter(count, storeId, zoneId, from, to);
                total = Jdbc.count(count);
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM geofence_zone_hour" + where
                    + " ORDER BY hour_start DESC, zone_id LIMIT ? OFFSET ?")) {
                int i = filter(select, storeId, zoneId, from, to);
                select.setInt(i++, request.size());
                select.setLong(i, request.offset());
                return Page.of(Jdbc.rows(select, JdbcZoneHours::zoneHour), request, total);
            }
        });
    }

    private static int filter(PreparedStatement statement, String storeId, Optional<String> zoneId, Instant from, Instant to) throws SQLException {
        int i = 1;
        statement.setString(i++, storeId);
        if (zoneId.isPresent()) {
            statement.setString(i++, zoneId.get());
        }
        UtcTimestamps.set(statement, i++, from);
        UtcTimestamps.set(statement, i++, to);
        return i;
    }

    private static int key(PreparedStatement statement, int first, ZoneHourKey key) throws SQLException {
        statement.setString(first, key.storeId());
        statement.setString(first + 1, key.zoneId());
        UtcTimestamps.set(statement, first + 2, key.hour());
        return first + 3;
    }

    private static ZoneHour zoneHour(ResultSet row) throws SQLException {
        List<Long> buckets = new ArrayList<>(BUCKET_COLUMNS.size());
        for (String column : BUCKET_COLUMNS) {
            buckets.add(row.getLong(column));
        }
        return new ZoneHour(new ZoneHourKey(row.getString("store_id"), row.getString("zone_id"), UtcTimestamps.get(row, "hour_start")),
                row.getLong("visits"), row.getLong("unique_visitors"), row.getLong("anonymous_sightings"), buckets, row.getLong("dwell_total_ms"));
    }
}
