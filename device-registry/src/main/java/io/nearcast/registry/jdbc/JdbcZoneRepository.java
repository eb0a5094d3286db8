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
 * zones listed oldest first (by insertion order). An area is kept as WKT with every coordinate at
 * full double precision, so it reads back {@linkplain org.locationtech.jts.geom.Geometry#equalsExact
 * exactly equal}, with SRID 4326. A zone and its tags are written in one transaction.
 * {@code createdAt} reads back truncated to microseconds. Thread-safe.
 *
 * <p>Every method throws {@link RepositoryException} when the database fails; the inserts also
 * when an id is taken ({@link RepositoryException#isDuplicateKey()}) or the store does not exist.
 * {@link #insertAll} then stores none of the zones.
 */
public final class JdbcZoneRepository implements ZoneRepository {

    private static final String COLUMNS = "id, store_id, name, floor, shape_kind, area_wkt, centre_lat, centre_lon, radius_m, created_at";

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

    /** Inserts the zones in the given order, then all their tags; the caller holds the transaction. */
    private static void insertZones(Connection connection, List<Zone> zones) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO registry_zone (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Zone zone : zones) {
                bindZone(insert, zone);
                // one statement per zone (not a batch): the first failure stops at the zone that caused it
                insert.executeUpdate();
            }
        }
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
        if (zone.floor().isPresent()) {
            insert.setInt(4, zone.floor().getAsInt());
        } else {
            insert.setNull(4, Types.INTEGER);
        }
        if (zone.shape() instanceof ZoneShape.Area area) {
            insert.setString(5, AREA);
            insert.setString(6, wkt(area));
            insert.setNull(7, Types.DOUBLE);
            insert.setNull(8, Types.DOUBLE);
            insert.setNull(9, Types.DOUBLE);
        } else if (zone.shape() instanceof ZoneShape.Circle circle) {
            insert.setString(5, CIRCLE);
            insert.setNull(6, Types.VARCHAR);
            insert.setDouble(7, circle.centre().lat());
            insert.setDouble(8, circle.centre().lon());
            insert.setDouble(9, circle.radiusMeters());
        } else {
            throw new IllegalArgumentException("unknown zone shape: " + zone.shape());
        }
        UtcTimestamps.set(insert, 10, zone.createdAt());
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
        int floor = row.getInt("floor");
        OptionalInt maybeFloor = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(floor);
        return new ZoneRow(
                id,
                new StoreId(row.getString("store_id")),
                row.getString("name"),
                maybeFloor,
                shape(id, row),
                UtcTimestamps.get(row, "created_at"));
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
    private record ZoneRow(String id, StoreId storeId, String name, OptionalInt floor, ZoneShape shape, Instant createdAt) {

        Zone withTags(List<String> tags) {
            return new Zone(id, storeId, name, floor, tags, shape, createdAt);
        }
    }

    @Override
    public Deletion delete(String id) {
        return jdbc.delete("registry_zone", id);
    }
}
