package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.UtcTimestamps;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Deletion;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneRepository;
import io.nearcast.registry.domain.ZoneShape;
import java.io.Serial;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.OrdinateFormat;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * Zones in {@code registry_zone}, their tags in order in {@code registry_zone_tag}; a store's
 * zones listed oldest first (by insertion order), every zone by store id and then insertion
 * order. An area is kept as WKT with every coordinate at full double precision, so it reads back
 * {@linkplain org.locationtech.jts.geom.Geometry#equalsExact exactly equal}, with SRID 4326. A zone
 * and its tags are written in one transaction, and an update replaces both at once.
 * {@code createdAt} reads back truncated to microseconds. Thread-safe.
 *
 * <p>Every method throws {@link RepositoryException} when the database fails; the inserts also
 * when an id is taken ({@link RepositoryException#isDuplicateKey()}) or the store does not exist.
 * {@link #insertAll} then stores none of the zones.
 */
public final class JdbcZoneRepository implements ZoneRepository {

    private static final String COLUMNS = "id, store_id, name, floor, shape_kind, area_wkt, centre_lat, centre_lon, radius_m, created_at, dwell_seconds";

    /** Rows fetched per round trip when reading every zone, so PostgreSQL streams them instead of loading them all at once. */
    private static final int FETCH_SIZE = 1_000;

    private static final String AREA = "area";
    private static final String CIRCLE = "circle";

    /** Areas read back in WGS84 lon/lat, with the default (floating, i.e. double) precision. */
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final Jdbc jdbc;

    public JdbcZoneRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(Zone zone) {
        jdbc.inTransaction("inserting zone " + zone.id(), connection -> {
            insertZones(connection, List.of(zone));
            return null;
        });
    }

    /** An empty list stores nothing without asking the database. */
    @Override
    public void insertAll(List<Zone> zones) {
        if (zones.isEmpty()) {
            return;
        }
        List<Zone> all = List.copyOf(zones);
        jdbc.inTransaction("inserting " + all.size() + " zones", connection -> {
            insertZones(connection, all);
            return null;
        });
    }

    @Override
    public Optional<Zone> find(String id) {
        return jdbc.run("reading zone " + id, connection -> {
            Optional<ZoneRow> found;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM registry_zone WHERE id = ?")) {
                select.setString(1, id);
                found = Jdbc.firstRow(select, JdbcZoneRepository::zoneRow);
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ZoneRow row = found.get();
            return Optional.of(row.withTags(tags(connection, List.of(row.id())).getOrDefault(row.id(), List.of())));
        });
    }

    @Override
    public Page<Zone> list(StoreId storeId, PageRequest request) {
        return jdbc.run("listing the zones of store " + storeId, connection -> {
            Page<ZoneRow> rows = StorePages.page(connection, "registry_zone", COLUMNS, storeId, request, JdbcZoneRepository::zoneRow);
            Map<String, List<String>> tags = tags(connection, rows.items().stream().map(ZoneRow::id).toList());
            return rows.map(row -> row.withTags(tags.getOrDefault(row.id(), List.of())));
        });
    }

    /**
     * One query: the zones joined with their tags, a zone's rows one after the other (a zone with
     * n tags comes n times, its area parsed once).
     */
    @Override
    public List<Zone> everyZone() {
        return jdbc.inTransaction("reading every zone", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + prefixed("z.", COLUMNS) + ", t.tag FROM registry_zone z"
                            + " LEFT JOIN registry_zone_tag t ON t.zone_id = z.id"
                            + " ORDER BY z.store_id, z.seq, t.position")) {
                // PostgreSQL streams with a cursor only inside a transaction and with a fetch size
                select.setFetchSize(FETCH_SIZE);
                return zonesWithTags(select);
            }
        });
    }

    private static List<Zone> zonesWithTags(PreparedStatement select) throws SQLException {
        List<Zone> zones = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            ZoneRow current = null;
            List<String> tags = new ArrayList<>();
            while (rows.next()) {
                String id = rows.getString("id");
                if (current == null || !current.id().equals(id)) {
                    if (current != null) {
                        zones.add(current.withTags(tags));
                    }
                    current = zoneRow(rows);
                    tags = new ArrayList<>();
                }
                String tag = rows.getString("tag");
                if (tag != null) {
                    tags.add(tag);
                }
            }
            if (current != null) {
                zones.add(current.withTags(tags));
            }
        }
        return zones;
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    @Override
    public boolean update(Zone zone) {
        return jdbc.inTransaction("updating zone " + zone.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE registry_zone SET name = ?, floor = ?, dwell_seconds = ?,"
                            + " shape_kind = ?, area_wkt = ?, centre_lat = ?, centre_lon = ?, radius_m = ?"
                            + " WHERE id = ? AND store_id = ?")) {
                update.setString(1, zone.name());
                setInt(update, 2, zone.floor());
                setInt(update, 3, zone.dwellSeconds());
                bindShape(update, 4, zone.shape());
                update.setString(9, zone.id());
                update.setString(10, zone.storeId().value());
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM registry_zone_tag WHERE zone_id = ?")) {
                delete.setString(1, zone.id());
                delete.executeUpdate();
            }
            insertTags(connection, List.of(zone));
            return true;
        });
    }

    /** Inserts the zones in the given order, then all their tags; the caller holds the transaction. */
    private static void insertZones(Connection connection, List<Zone> zones) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO registry_zone (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(11) + ")")) {
            for (Zone zone : zones) {
                bindZone(insert, zone);
                // one statement per zone (not a batch): the first failure stops at the zone that caused it
                insert.executeUpdate();
            }
        }
        insertTags(connection, zones);
    }

    /** Inserts the zones' tags in order; the caller holds the transaction. */
    private static void insertTags(Connection connection, List<Zone> zones) throws SQLException {
        if (zones.stream().allMatch(zone -> zone.tags().isEmpty())) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO registry_zone_tag (zone_id, position, tag) VALUES (?, ?, ?)")) {
            for (Zone zone : zones) {
                for (int position = 0; position < zone.tags().size(); position++) {
                    insert.setString(1, zone.id());
                    insert.setInt(2, position);
                    insert.setString(3, zone.tags().get(position));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void bindZone(PreparedStatement insert, Zone zone) throws SQLException {
        insert.setString(1, zone.id());
        insert.setString(2, zone.storeId().value());
        insert.setString(3, zone.name());
        setInt(insert, 4, zone.floor());
        bindShape(insert, 5, zone.shape());
        UtcTimestamps.set(insert, 10, zone.createdAt());
        setInt(insert, 11, zone.dwellSeconds());
    }

    /** shape_kind, area_wkt, centre_lat, centre_lon, radius_m from {@code first} on. */
    private static void bindShape(PreparedStatement statement, int first, ZoneShape shape) throws SQLException {
        if (shape instanceof ZoneShape.Area area) {
            statement.setString(first, AREA);
            statement.setString(first + 1, wkt(area));
            statement.setNull(first + 2, Types.DOUBLE);
            statement.setNull(first + 3, Types.DOUBLE);
            statement.setNull(first + 4, Types.DOUBLE);
        } else if (shape instanceof ZoneShape.Circle circle) {
            statement.setString(first, CIRCLE);
            statement.setNull(first + 1, Types.VARCHAR);
            statement.setDouble(first + 2, circle.centre().lat());
            statement.setDouble(first + 3, circle.centre().lon());
            statement.setDouble(first + 4, circle.radiusMeters());
        } else {
            throw new IllegalArgumentException("unknown zone shape: " + shape);
        }
    }

    private static void setInt(PreparedStatement statement, int index, OptionalInt value) throws SQLException {
        if (value.isPresent()) {
            statement.setInt(index, value.getAsInt());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    /** The area as WKT that reads back to exactly the same coordinates. */
    static String wkt(ZoneShape.Area area) {
        WKTWriter writer = new WKTWriter();
        writer.setPrecisionModel(FullPrecision.INSTANCE);
        return writer.write(area.geometry());
    }

    /** The tags of each of the zones in order, by zone id; zones without tags are absent. */
    private static Map<String, List<String>> tags(Connection connection, List<String> zoneIds) throws SQLException {
        Map<String, List<String>> tags = new HashMap<>();
        if (zoneIds.isEmpty()) {
            return tags;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT zone_id, tag FROM registry_zone_tag WHERE zone_id IN (" + Jdbc.placeholders(zoneIds.size()) + ")"
                        + " ORDER BY zone_id, position")) {
            for (int i = 0; i < zoneIds.size(); i++) {
                select.setString(i + 1, zoneIds.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tags.computeIfAbsent(rows.getString("zone_id"), id -> new ArrayList<>()).add(rows.getString("tag"));
                }
            }
        }
        return tags;
    }

    private static ZoneRow zoneRow(ResultSet row) throws SQLException {
        String id = row.getString("id");
        return new ZoneRow(
                id,
                new StoreId(row.getString("store_id")),
                row.getString("name"),
                optionalInt(row, "floor"),
                shape(id, row),
                UtcTimestamps.get(row, "created_at"),
                optionalInt(row, "dwell_seconds"));
    }

    private static OptionalInt optionalInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static ZoneShape shape(String id, ResultSet row) throws SQLException {
        String kind = row.getString("shape_kind");
        return switch (kind) {
            case AREA -> area(id, row.getString("area_wkt"));
            case CIRCLE -> new ZoneShape.Circle(
                    new GeoPoint(row.getDouble("centre_lat"), row.getDouble("centre_lon")), row.getDouble("radius_m"));
            default -> throw new SQLException("zone " + id + " has an unknown shape kind: " + kind);
        };
    }

    private static ZoneShape.Area area(String id, String wkt) throws SQLException {
        try {
            return new ZoneShape.Area(new WKTReader(WGS84).read(wkt));
        } catch (ParseException | IllegalArgumentException e) {
            throw new SQLException("zone " + id + " has an unreadable area", e);
        }
    }

    /**
     * Makes {@link WKTWriter} print each ordinate in its shortest form that reads back to the same
     * double: with the default floating model it keeps only 16 fraction digits, so
     * {@code 0.30000000000000004} would come back as {@code 0.3}.
     */
    private static final class FullPrecision extends PrecisionModel {

        @Serial
        private static final long serialVersionUID = 1L;

        static final FullPrecision INSTANCE = new FullPrecision();

        @Override
        public int getMaximumSignificantDigits() {
            return OrdinateFormat.MAX_FRACTION_DIGITS;
        }
    }

    /** A {@code registry_zone} row, before its tags are read. */
    private record ZoneRow(String id, StoreId storeId, String name, OptionalInt floor, ZoneShape shape, Instant createdAt,
                           OptionalInt dwellSeconds) {

        Zone withTags(List<String> tags) {
            return new Zone(id, storeId, name, floor, tags, shape, createdAt, dwellSeconds);
        }
    }

    @Override
    public Deletion delete(String id) {
        return jdbc.delete("registry_zone", id);
    }

    @Override
    public Placements placements(String id) {
        return jdbc.run("counting what is placed in zone " + id, connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT (SELECT COUNT(*) FROM registry_beacon WHERE zone_id = ?), (SELECT COUNT(*) FROM registry_device WHERE zone_id = ?)")) {
                count.setString(1, id);
                count.setString(2, id);
                return Jdbc.firstRow(count, row -> new Placements(row.getLong(1), row.getLong(2))).orElseThrow();
            }
        });
    }
}
