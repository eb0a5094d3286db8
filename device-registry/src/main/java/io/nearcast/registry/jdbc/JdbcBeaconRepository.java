package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.UtcTimestamps;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Deletion;
import io.nearcast.registry.domain.Beacon;
import io.nearcast.registry.domain.BeaconIdentity;
import io.nearcast.registry.domain.BeaconRepository;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.StoreId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Beacons in {@code registry_beacon}, one row each with the columns of its identity's kind; a
 * store's beacons listed oldest first (by insertion order). Instants read back truncated to
 * microseconds. A position reads back only when both its latitude and longitude are set. Thread-safe.
 *
 * <p>{@link #insertAll} runs in one transaction: it first looks up which of the batch's unique keys
 * are taken (or occur twice in the batch) and then inserts nothing and returns them; a unique key
 * taken concurrently during the insert rolls it back and returns the batch's keys that now exist.
 * Every method throws {@link RepositoryException} when the database fails; the insert also when an
 * id is taken or the store or zone does not exist, and then stores none of the beacons.
 */
public final class JdbcBeaconRepository implements BeaconRepository {

    private static final String COLUMNS = "id, store_id, zone_id, kind, unique_key, ibeacon_uuid, major, minor, alt_id1, alt_id2, alt_id3,"
            + " uid_namespace, uid_instance, eid_key_sealed, eid_key_fingerprint, eid_rotation_exponent, tx_power, lat, lon,"
            + " last_seen, battery_mv, temperature_c, created_at, eid_clock_offset";
    private static final int COLUMN_COUNT = 24;

    private static final String IBEACON = "ibeacon";
    private static final String ALTBEACON = "altbeacon";
    private static final String EDDYSTONE_UID = "eddystone-uid";
    private static final String EDDYSTONE_EID = "eddystone-eid";


    /** Keys looked up per {@code IN} list, well below every driver's parameter limit. */
    private static final int LOOKUP_CHUNK = 500;

    private final Jdbc jdbc;

    public JdbcBeaconRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** An empty list stores nothing without asking the database. */
    @Override
    public List<String> insertAll(List<Beacon> beacons) {
        if (beacons.isEmpty()) {
            return List.of();
        }
        List<Beacon> all = List.copyOf(beacons);
        List<String> keys = all.stream().map(beacon -> beacon.identity().uniqueKey()).toList();
        return jdbc.inTransaction("inserting " + all.size() + " beacons", connection -> {
            TreeSet<String> conflicts = new TreeSet<>(duplicatesWithin(keys));
            conflicts.addAll(existingKeys(connection, keys));
            if (!conflicts.isEmpty()) {
                return List.copyOf(conflicts);
            }
            try {
                insertBeacons(connection, all);
            } catch (SQLException e) {
                if (!Jdbc.isDuplicateKey(e)) {
                    throw e;
                }
                // raced: another transaction took a key after the lookup (or an id is taken)
                connection.rollback();
                List<String> taken = existingKeys(connection, keys);
                if (taken.isEmpty()) {
                    throw e;
                }
                return taken;
            }
            return List.of();
        });
    }

    @Override
    public Optional<Beacon> find(String id) {
        return jdbc.run("reading beacon " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM registry_beacon WHERE id = ?")) {
                select.setString(1, id);
                return Jdbc.firstRow(select, JdbcBeaconRepository::beacon);
            }
        });
    }

    @Override
    public Optional<Beacon> findByUniqueKey(String uniqueKey) {
        return jdbc.run("reading a beacon by identity", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM registry_beacon WHERE unique_key = ?")) {
                select.setString(1, uniqueKey);
                return Jdbc.firstRow(select, JdbcBeaconRepository::beacon);
            }
        });
    }

    @Override
    public List<Beacon> eidBeacons(StoreId storeId) {
        return jdbc.run("reading the EID beacons of store " + storeId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM registry_beacon WHERE store_id = ? AND kind = '" + EDDYSTONE_EID + "' ORDER BY seq")) {
                select.setString(1, storeId.value());
                return Jdbc.rows(select, JdbcBeaconRepository::beacon);
            }
        });
    }

    @Override
    public boolean recordTelemetry(String id, Instant heardAt, OptionalInt batteryMillivolts, Optional<Double> temperatureCelsius) {
        return jdbc.run("recording the telemetry of beacon " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE registry_beacon SET last_seen = ?,"
                    + " battery_mv = COALESCE(?, battery_mv), temperature_c = COALESCE(?, temperature_c) WHERE id = ?")) {
                UtcTimestamps.set(update, 1, heardAt);
                setNullableInt(update, 2, batteryMillivolts);
                if (temperatureCelsius.isPresent()) {
                    update.setDouble(3, temperatureCelsius.get());
                } else {
                    update.setNull(3, Types.DOUBLE);
                }
                update.setString(4, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Page<Beacon> list(StoreId storeId, PageRequest request) {
        return jdbc.run("listing the beacons of store " + storeId,
                connection -> StorePages.page(connection, "registry_beacon", COLUMNS, storeId, request, JdbcBeaconRepository::beacon));
    }

    /** The keys that occur more than once in the list. */
    private static Set<String> duplicatesWithin(List<String> keys) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                duplicates.add(key);
            }
        }
        return duplicates;
    }

    /** Which of the keys are stored, sorted and distinct. */
    private static List<String> existingKeys(Connection connection, List<String> keys) throws SQLException {
        List<String> distinct = List.copyOf(new TreeSet<>(keys));
        TreeSet<String> existing = new TreeSet<>();
        for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT unique_key FROM registry_beacon WHERE unique_key IN (" + Jdbc.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                existing.addAll(Jdbc.rows(select, row -> row.getString(1)));
            }
        }
        return List.copyOf(existing);
    }

    /** Inserts the beacons in the given order; the caller holds the transaction. */
    private static void insertBeacons(Connection connection, List<Beacon> beacons) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO registry_beacon (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(COLUMN_COUNT) + ")")) {
            for (Beacon beacon : beacons) {
                bindBeacon(insert, beacon);
                // one statement per beacon (not a batch): the first failure stops at the beacon that caused it
                insert.executeUpdate();
            }
        }
    }

    private static void bindBeacon(PreparedStatement insert, Beacon beacon) throws SQLException {
        insert.setString(1, beacon.id());
        insert.setString(2, beacon.storeId().value());
        insert.setString(3, beacon.zoneId().orElse(null));
        BeaconIdentity identity = beacon.identity();
        insert.setString(4, identity.kind());
        insert.setString(5, identity.uniqueKey());
        // columns 6 to 16: the identity; those of the other kinds stay null
        int[] identityTypes = {Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.INTEGER,
                               Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER};
        for (int i = 0; i < identityTypes.length; i++) {
            insert.setNull(6 + i, identityTypes[i]);
        }
        if (identity instanceof BeaconIdentity.IBeacon ibeacon) {
            insert.setString(6, ibeacon.uuid().toString());
            insert.setInt(7, ibeacon.major());
            insert.setInt(8, ibeacon.minor());
        } else if (identity instanceof BeaconIdentity.AltBeacon altBeacon) {
            insert.setString(9, altBeacon.id1());
            insert.setInt(10, altBeacon.id2());
            insert.setInt(11, altBeacon.id3());
        } else if (identity instanceof BeaconIdentity.EddystoneUid uid) {
            insert.setString(12, uid.namespace());
            insert.setString(13, uid.instance());
        } else if (identity instanceof BeaconIdentity.EddystoneEid eid) {
            insert.setString(14, eid.sealedIdentityKey());
            insert.setString(15, eid.keyFingerprint());
            insert.setInt(16, eid.rotationExponent());
        } else {
            throw new IllegalArgumentException("unknown beacon identity: " + identity.kind());
        }
        setNullableInt(insert, 17, beacon.txPower());
        if (beacon.position().isPresent()) {
            insert.setDouble(18, beacon.position().get().lat());
            insert.setDouble(19, beacon.position().get().lon());
        } else {
            insert.setNull(18, Types.DOUBLE);
            insert.setNull(19, Types.DOUBLE);
        }
        Beacon.Telemetry telemetry = beacon.telemetry();
        UtcTimestamps.setNullable(insert, 20, telemetry.lastSeen());
        setNullableInt(insert, 21, telemetry.batteryMillivolts());
        if (telemetry.temperatureCelsius().isPresent()) {
            insert.setDouble(22, telemetry.temperatureCelsius().get());
        } else {
            insert.setNull(22, Types.DOUBLE);
        }
        UtcTimestamps.set(insert, 23, beacon.createdAt());
        if (identity instanceof BeaconIdentity.EddystoneEid eid) {
            insert.setLong(24, eid.clockOffsetSeconds());
        } else {
            insert.setNull(24, Types.BIGINT);
        }
    }

    private static void setNullableInt(PreparedStatement statement, int index, OptionalInt value) throws SQLException {
        if (value.isPresent()) {
            statement.setInt(index, value.getAsInt());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    private static Beacon beacon(ResultSet row) throws SQLException {
        String id = row.getString("id");
        OptionalDouble lat = optionalDouble(row, "lat");
        OptionalDouble lon = optionalDouble(row, "lon");
        Optional<GeoPoint> position = lat.isPresent() && lon.isPresent()
                ? Optional.of(new GeoPoint(lat.getAsDouble(), lon.getAsDouble()))
                : Optional.empty();
        OptionalDouble temperature = optionalDouble(row, "temperature_c");
        Beacon.Telemetry telemetry = new Beacon.Telemetry(
                UtcTimestamps.getNullable(row, "last_seen"),
                optionalInt(row, "battery_mv"),
                temperature.isPresent() ? Optional.of(temperature.getAsDouble()) : Optional.empty());
        return new Beacon(
                id,
                new StoreId(row.getString("store_id")),
                identity(id, row),
                optionalInt(row, "tx_power"),
                Optional.ofNullable(row.getString("zone_id")),
                position,
                telemetry,
                UtcTimestamps.get(row, "created_at"));
    }

    private static BeaconIdentity identity(String id, ResultSet row) throws SQLException {
        String kind = row.getString("kind");
        try {
            return switch (kind) {
                case IBEACON -> new BeaconIdentity.IBeacon(
                        UUID.fromString(row.getString("ibeacon_uuid")), requiredInt(row, "major"), requiredInt(row, "minor"));
                case ALTBEACON -> new BeaconIdentity.AltBeacon(
                        row.getString("alt_id1"), requiredInt(row, "alt_id2"), requiredInt(row, "alt_id3"));
                case EDDYSTONE_UID -> new BeaconIdentity.EddystoneUid(row.getString("uid_namespace"), row.getString("uid_instance"));
                case EDDYSTONE_EID -> new BeaconIdentity.EddystoneEid(
                        row.getString("eid_key_sealed"), row.getString("eid_key_fingerprint"), requiredInt(row, "eid_rotation_exponent"),
                        row.getLong("eid_clock_offset"));
                default -> throw new SQLException("beacon " + id + " has an unknown kind: " + kind);
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SQLException("beacon " + id + " has an unreadable " + kind + " identity", e);
        }
    }

    private static int requiredInt(ResultSet row, String column) throws SQLException {
        return optionalInt(row, column).orElseThrow(() -> new SQLException(column + " is null"));
    }

    private static OptionalInt optionalInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static OptionalDouble optionalDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    @Override
    public Deletion delete(String id) {
        return jdbc.delete("registry_beacon", id);
    }
}
