package io.nearcast.benchmarks;

import io.nearcast.geofence.domain.ZoneArea;
import io.nearcast.testing.PostgresSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.io.WKBWriter;

/**
 * Zones as PostGIS tables in a private schema of a PostgreSQL database, and the query that
 * answers the same question as {@code ZoneIndex.zonesCovering} for one store without floors.
 *
 * <ul>
 *   <li>{@code zone_polygon(zone_id, geom geometry(Geometry, 4326))}: planar in longitude/latitude
 *       degrees, as JTS; matched with {@code ST_Covers} (boundary inclusive).</li>
 *   <li>{@code zone_circle(zone_id, centre geography(Point, 4326), radius_m)}: matched with
 *       {@code ST_DWithin(..., false)}, the great-circle distance on PostGIS's sphere, whose
 *       radius is {@value #POSTGIS_SPHERE_RADIUS_METERS} m (the mean radius (2a + b) / 3 of
 *       WGS84) where {@code Haversine} uses 6,371,008.8 m: for a point within a fraction of a
 *       millimetre of a rim the two may legitimately differ.</li>
 * </ul>
 * Both have a GiST index. Geometries travel as WKB and coordinates as {@code float8}, so PostGIS
 * sees exactly the doubles JTS sees.
 *
 * <p>Not thread-safe; each querying thread opens its own {@link Lookup} (one connection each).
 * {@link #close()} drops the schema; the extension stays (other tests may be using it).
 */
final class PostgisZones implements AutoCloseable {

    /** The database CI and the machine provide; the tests read it from {@code NEARCAST_IT_PG_URL}. */
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** What to install when the extension is missing (Debian, PostgreSQL 15). */
    static final String INSTALL_HINT = "apt-get install -y postgresql-15-postgis-3";
    /** PostGIS's sphere: (2 × 6,378,137 + 6,356,752.314245179) / 3 m, in {@code spheroid_init}. */
    static final double POSTGIS_SPHERE_RADIUS_METERS = 6_371_008.771_415_06;

    /**
     * What CREATE EXTENSION answers when PostGIS's files are missing: 0A000 "extension ... is not
     * available" (PostgreSQL 15), 58P01 "could not open extension control file" (older releases,
     * or a control file without its library).
     */
    private static final Set<String> NOT_INSTALLED = Set.of("0A000", "58P01");
    private static final int INSERT_BATCH = 1_000;

    private final PostgresSchema schema;
    private final String searchPath;
    private final String lookupSql;
    private final int polygons;
    private final int circles;

    private PostgisZones(PostgresSchema schema, String searchPath, double maxRadiusMeters, int polygons, int circles) {
        this.schema = schema;
        this.searchPath = searchPath;
        this.lookupSql = lookupSql(maxRadiusMeters);
        this.polygons = polygons;
        this.circles = circles;
    }

    /** PostGIS is not installed on the database's machine. */
    static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Creates the {@code postgis} extension in the database if it is not there yet, and answers its
     * version (e.g. {@code 3.3.2}).
     *
     * @throws Unavailable  when the extension's files are not installed (message says what to install)
     * @throws SQLException for anything else (the database is down, the user may not create extensions)
     */
    static String ensureExtension(String baseUrl) throws SQLException, Unavailable {
        try (Connection connection = DriverManager.getConnection(baseUrl)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            } catch (SQLException e) {
                if (NOT_INSTALLED.contains(e.getSQLState())) {
                    throw new Unavailable("PostGIS is not installed for this PostgreSQL (" + e.getMessage().replaceAll("\\s+", " ").strip()
                            + "); install it: " + INSTALL_HINT, e);
                }
                // two sessions creating it at once: one loses with a duplicate; fine if it now exists
                if (installedVersion(connection).isEmpty()) {
                    throw e;
                }
            }
            return installedVersion(connection).orElseThrow();
        }
    }

    /**
     * Loads the zones into a new private schema and indexes and analyses the tables; the extension
     * must exist ({@link #ensureExtension}). Every zone must be of one store and without a floor.
     */
    static PostgisZones load(String baseUrl, List<ZoneArea> zones) throws SQLException {
        PostgresSchema schema = PostgresSchema.create(baseUrl);
        try (Connection connection = DriverManager.getConnection(baseUrl)) {
            String searchPath = quoted(connection, schema.name()) + ", " + quoted(connection, extensionSchema(connection));
            setSearchPath(connection, searchPath);
            createTables(connection);
            int[] counts = insert(connection, zones);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE INDEX zone_polygon_geom_gist ON zone_polygon USING GIST (geom)");
                statement.execute("CREATE INDEX zone_circle_centre_gist ON zone_circle USING GIST (centre)");
                statement.execute("ANALYZE zone_polygon");
                statement.execute("ANALYZE zone_circle");
            }
            return new PostgisZones(schema, searchPath, maxRadius(zones), counts[0], counts[1]);
        } catch (SQLException | RuntimeException e) {
            schema.close();
            throw e;
        }
    }

    /** A new connection with its prepared lookup; close it when done. */
    Lookup openLookup() throws SQLException {
        return new Lookup(this);
    }

    /** The SQL one lookup runs; parameters: longitude, latitude, longitude, latitude. */
    String lookupSql() {
        return lookupSql;
    }

    /** The database the schema is in. */
    String baseUrl() {
        return schema.baseUrl();
    }

    /** Points the connection's search path at the zones' schema and then at PostGIS's. */
    void useSchema(Connection connection) throws SQLException {
        setSearchPath(connection, searchPath);
    }

    int polygons() {
        return polygons;
    }

    int circles() {
        return circles;
    }

    /** Drops the schema and its tables. */
    @Override
    public void close() throws SQLException {
        schema.close();
    }

    /**
     * One connection and one prepared statement, reused for every lookup (the driver switches to a
     * server-side prepared statement after a few executions). Not thread-safe.
     */
    static final class Lookup implements AutoCloseable {

        private final Connection connection;
        private final String lookupSql;
        private final PreparedStatement covering;
        private final PreparedStatement selectOne;

        private Lookup(PostgisZones zones) throws SQLException {
            lookupSql = zones.lookupSql;
            connection = DriverManager.getConnection(zones.schema.baseUrl());
            try {
                setSearchPath(connection, zones.searchPath);
                covering = connection.prepareStatement(zones.lookupSql);
                selectOne = connection.prepareStatement("SELECT 1");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }

        /** The ids of the zones covering the position, sorted by {@link String#compareTo}, as {@code ZoneIndex} answers. */
        List<String> zonesCovering(double lat, double lon) throws SQLException {
            covering.setDouble(1, lon);
            covering.setDouble(2, lat);
            covering.setDouble(3, lon);
            covering.setDouble(4, lat);
            List<String> ids = new ArrayList<>(4);
            try (ResultSet rows = covering.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            Collections.sort(ids);
            return ids;
        }

        /**
         * A prepared {@code SELECT 1} on the same connection: the floor under every lookup (driver,
         * loopback TCP, waking the backend), for a baseline in the same run.
         */
        int roundTrip() throws SQLException {
            try (ResultSet row = selectOne.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }

        /**
         * The plan PostgreSQL chooses for a lookup at the position ({@code EXPLAIN}), one line per plan
         * row: the generic plan (the one a server-side prepared statement may settle on) or the
         * custom plan for these values.
         */
        String plan(double lat, double lon, boolean generic) throws SQLException {
            try (Statement mode = connection.createStatement()) {
                mode.execute("SET plan_cache_mode = " + (generic ? "force_generic_plan" : "force_custom_plan"));
            }
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + lookupSql)) {
                explain.setDouble(1, lon);
                explain.setDouble(2, lat);
                explain.setDouble(3, lon);
                explain.setDouble(4, lat);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                try (Statement mode = connection.createStatement()) {
                    mode.execute("RESET plan_cache_mode");
                }
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /**
     * Polygons by {@code ST_Covers}; circles first by the largest radius (a constant, so the planner
     * turns it into a GiST box search on the centres), then exactly by each circle's own radius.
     */
    private static String lookupSql(double maxRadiusMeters) {
        String maxRadius = String.format(Locale.ROOT, "%.17g", maxRadiusMeters);
        return "SELECT zone_id FROM zone_polygon WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))"
                + " UNION ALL"
                + " SELECT zone_id FROM zone_circle c, (SELECT CAST(ST_SetSRID(ST_MakePoint(?, ?), 4326) AS geography) AS p) q"
                + " WHERE ST_DWithin(c.centre, q.p, " + maxRadius + ", false) AND ST_DWithin(c.centre, q.p, c.radius_m, false)";
    }

    private static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE zone_polygon (zone_id text PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL)");
            statement.execute("CREATE TABLE zone_circle (zone_id text PRIMARY KEY, centre geography(Point, 4326) NOT NULL,"
                    + " radius_m double precision NOT NULL CHECK (radius_m > 0))");
        }
    }

    /** Inserts every zone; answers the numbers of polygons and circles. */
    private static int[] insert(Connection connection, List<ZoneArea> zones) throws SQLException {
        WKBWriter wkb = new WKBWriter();
        int polygons = 0;
        int circles = 0;
        try (PreparedStatement polygon = connection.prepareStatement(
                     "INSERT INTO zone_polygon (zone_id, geom) VALUES (?, ST_GeomFromWKB(?, 4326))");
             PreparedStatement circle = connection.prepareStatement(
                     "INSERT INTO zone_circle (zone_id, centre, radius_m) VALUES (?, CAST(ST_SetSRID(ST_MakePoint(?, ?), 4326) AS geography), ?)")) {
            for (ZoneArea zone : zones) {
                requireStoreWide(zone, zones.get(0).storeId());
                if (zone.shape() instanceof ZoneArea.Circle c) {
                    circle.setString(1, zone.zoneId());
                    circle.setDouble(2, c.lon());
                    circle.setDouble(3, c.lat());
                    circle.setDouble(4, c.radiusMeters());
                    circle.addBatch();
                    circles++;
                } else {
                    polygon.setString(1, zone.zoneId());
                    polygon.setBytes(2, wkb.write(((ZoneArea.Polygonal) zone.shape()).geometry()));
                    polygon.addBatch();
                    polygons++;
                }
                if ((polygons + circles) % INSERT_BATCH == 0) {
                    polygon.executeBatch();
                    circle.executeBatch();
                }
            }
            polygon.executeBatch();
            circle.executeBatch();
        }
        return new int[] {polygons, circles};
    }

    private static void requireStoreWide(ZoneArea zone, String store) {
        if (!zone.storeId().equals(store) || zone.floor().isPresent()) {
            throw new IllegalArgumentException("zones must all be of store " + store + " and without a floor: " + zone);
        }
    }

    private static double maxRadius(List<ZoneArea> zones) {
        double max = 0;
        for (ZoneArea zone : zones) {
            if (zone.shape() instanceof ZoneArea.Circle c) {
                max = Math.max(max, c.radiusMeters());
            }
        }
        return max;
    }

    private static Optional<String> installedVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'postgis'")) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    /** Where the extension's types and functions live (usually {@code public}). */
    private static String extensionSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'postgis'")) {
            if (!row.next()) {
                throw new IllegalStateException("the postgis extension does not exist: call ensureExtension first");
            }
            return row.getString(1);
        }
    }

    private static String quoted(Connection connection, String identifier) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT quote_ident(?)")) {
            statement.setString(1, identifier);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void setSearchPath(Connection connection, String searchPath) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + searchPath);
        }
    }
}
