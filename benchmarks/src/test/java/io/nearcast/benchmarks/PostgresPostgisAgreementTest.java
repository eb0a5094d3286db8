package io.nearcast.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.nearcast.benchmarks.ZoneProbes.Kind;
import io.nearcast.benchmarks.ZoneProbes.Probe;
import io.nearcast.geofence.domain.Haversine;
import io.nearcast.geofence.domain.ZoneArea;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.RequiresExternal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The zone index and PostGIS answer the same zones for the same points (issue 6): the 10,000
 * store-like zones of the benchmarks in PostGIS ({@link PostgisZones}: GiST, {@code ST_Covers},
 * {@code ST_DWithin} on the sphere), asked through the very statement {@link PostgisCoversBenchmark}
 * measures, at the 4,096 benchmark points and at points built on purpose: vertices and edge
 * midpoints of shells and holes, hole centres, and points either side of and on circle rims.
 *
 * <p>The only pairs left out are a point and a circle whose rim is within {@value #RIM_METRES} m of
 * the point: the two spheres differ (6,371,008.8 m here, {@value PostgisZones#POSTGIS_SPHERE_RADIUS_METERS}
 * m in PostGIS, 0.07 µm on a 15 m radius) and so may the last bits of the formulas. They are
 * counted and printed; everything else must be identical, point by point.
 *
 * <p>Needs PostgreSQL ({@code NEARCAST_IT_PG_URL}) with PostGIS installed; creates the extension
 * when missing. Without PostGIS it is skipped with a {@code [nearcast] SKIPPED} line, and under
 * {@code CI=true} it fails instead.
 */
@RequiresExternal(ExternalService.POSTGRESQL)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresPostgisAgreementTest {

    private static final int ZONES = 10_000;
    /** Every seventh polygon gives its vertices and edge midpoints (all three kinds of polygon take turns). */
    private static final int POLYGON_STEP = 7;
    /** Nearer than this to a circle's rim, the two engines may legitimately differ (metres). */
    private static final double RIM_METRES = 0.001;
    private static final int SHOWN = 20;

    private static String postgisVersion;
    private static StoreLikeZones data;
    private static Map<String, ZoneArea> zonesById;
    private static PostgisZones postgis;
    private static PostgisZones.Lookup lookup;
    private static List<Answer> answers;
    private static long askedMillis;

    /** What both engines answered at one point, and which circles' rims are too close to compare. */
    record Answer(Probe probe, List<String> index, List<String> postgis, Set<String> rimZones) {

        List<String> indexCompared() {
            return index.stream().filter(id -> !rimZones.contains(id)).toList();
        }

        List<String> postgisCompared() {
            return postgis.stream().filter(id -> !rimZones.contains(id)).toList();
        }
    }

    @BeforeAll
    static void loadTheZonesIntoPostgisAndAskBothEngines() throws SQLException {
        String url = ExternalService.POSTGRESQL.requireUrl();
        postgisVersion = requirePostgis(url);
        data = new StoreLikeZones(ZONES);
        zonesById = data.zones.stream().collect(Collectors.toMap(ZoneArea::zoneId, Function.identity()));
        postgis = PostgisZones.load(url, data.zones);
        lookup = postgis.openLookup();
        List<ZoneArea.Circle> circles = new ArrayList<>();
        List<String> circleIds = new ArrayList<>();
        for (ZoneArea zone : data.zones) {
            if (zone.shape() instanceof ZoneArea.Circle circle) {
                circles.add(circle);
                circleIds.add(zone.zoneId());
            }
        }
        long start = System.nanoTime();
        answers = new ArrayList<>();
        for (Probe probe : ZoneProbes.of(data, POLYGON_STEP)) {
            List<String> index = data.index.zonesCovering(StoreLikeZones.STORE, probe.lat(), probe.lon(), OptionalInt.empty());
            answers.add(new Answer(probe, index, lookup.zonesCovering(probe.lat(), probe.lon()), rimZones(probe, circles, circleIds)));
        }
        askedMillis = (System.nanoTime() - start) / 1_000_000;
    }

    @AfterAll
    static void dropTheSchema() throws SQLException {
        if (lookup != null) {
            lookup.close();
        }
        if (postgis != null) {
            postgis.close();
        }
    }

    @Test
    void answersTheSameZonesAsTheIndexAtEveryPointAwayFromACircleRim() {
        List<String> disagreements = new ArrayList<>();
        Set<String> zonesMatched = new TreeSet<>();
        int matches = 0;
        int rimPoints = 0;
        int rimPairs = 0;
        int rimOnlyPostgis = 0;
        int rimOnlyIndex = 0;
        for (Answer answer : answers) {
            if (!answer.indexCompared().equals(answer.postgisCompared())) {
                disagreements.add(disagreement(answer));
            } else {
                matches += answer.indexCompared().size();
                zonesMatched.addAll(answer.indexCompared());
            }
            if (!answer.rimZones().isEmpty()) {
                rimPoints++;
                rimPairs += answer.rimZones().size();
                for (String zone : answer.rimZones()) {
                    boolean index = answer.index().contains(zone);
                    boolean postgis = answer.postgis().contains(zone);
                    rimOnlyPostgis += postgis && !index ? 1 : 0;
                    rimOnlyIndex += index && !postgis ? 1 : 0;
                }
            }
        }
        System.out.printf("[nearcast] PostGIS %s agreement: %d zones (%d polygons, %d circles); %d points (%d random, %d boundary"
                        + " = vertices and edge midpoints of shells and holes of every %dth polygon, %d hole centres, %d 1 cm either side of a rim);"
                        + " %d points identical, %d zone matches identical (%d distinct zones); %d rim points excluded (%d point-circle pairs within"
                        + " %.0f mm of the rim; inside only for PostGIS in %d, only for the index in %d); %d disagreements; %d PostGIS lookups in %d ms%n",
                postgisVersion, ZONES, postgis.polygons(), postgis.circles(), answers.size(), count(Kind.RANDOM),
                count(Kind.VERTEX) + count(Kind.EDGE_MIDPOINT), POLYGON_STEP, count(Kind.HOLE_CENTRE),
                count(Kind.INSIDE_RIM) + count(Kind.OUTSIDE_RIM), answers.size() - disagreements.size(), matches, zonesMatched.size(),
                rimPoints, rimPairs, RIM_METRES * 1000, rimOnlyPostgis, rimOnlyIndex, disagreements.size(), answers.size(), askedMillis);
        assertThat(disagreements).as("points where the index and PostGIS answer different zones (first %d)", SHOWN).isEmpty();
    }

    @Test
    void countsVerticesAndEdgeMidpointsOfShellsAndHolesAsInsideInBoth() {
        assertThat(wrongAnswers(EnumSet.of(Kind.VERTEX, Kind.EDGE_MIDPOINT))).isEmpty();
        assertThat(count(Kind.VERTEX)).as("vertices tested").isGreaterThan(5_000);
    }

    @Test
    void leavesTheCentresOfHolesOutsideInBoth() {
        assertThat(wrongAnswers(EnumSet.of(Kind.HOLE_CENTRE))).isEmpty();
        assertThat(count(Kind.HOLE_CENTRE)).as("hole centres tested").isGreaterThan(300);
    }

    @Test
    void tellsApartPointsOneCentimetreEitherSideOfACircleRim() {
        assertThat(wrongAnswers(EnumSet.of(Kind.INSIDE_RIM, Kind.OUTSIDE_RIM))).isEmpty();
        assertThat(count(Kind.INSIDE_RIM)).as("points inside rims tested").isEqualTo(postgis.circles() * 8);
    }

    @Test
    void measuresCirclesOnTheMeanRadiusSphereOfWgs84NotOnOurs() throws SQLException {
        // 1,000 km apart, so the 4.5e-9 relative difference of the radii stands far above rounding
        double lat1 = 52.5;
        double lon1 = 13.4;
        double lat2 = 45.0;
        double lon2 = 2.0;
        double ours = Haversine.distanceMeters(lat1, lon1, lat2, lon2);
        double theirs;
        try (Connection connection = DriverManager.getConnection(postgis.baseUrl());
             PreparedStatement distance = connection.prepareStatement(
                     "SELECT ST_Distance(CAST(ST_SetSRID(ST_MakePoint(?, ?), 4326) AS geography),"
                             + " CAST(ST_SetSRID(ST_MakePoint(?, ?), 4326) AS geography), false)")) {
            postgis.useSchema(connection);
            distance.setDouble(1, lon1);
            distance.setDouble(2, lat1);
            distance.setDouble(3, lon2);
            distance.setDouble(4, lat2);
            try (ResultSet row = distance.executeQuery()) {
                row.next();
                theirs = row.getDouble(1);
            }
        }
        double sphereRatio = PostgisZones.POSTGIS_SPHERE_RADIUS_METERS / Haversine.EARTH_RADIUS_METERS;
        assertThat(theirs / ours).isCloseTo(sphereRatio, offset(1e-12));
        assertThat(ours - theirs).as("metres shorter in PostGIS over %.0f m", ours).isGreaterThan(0.004);
    }

    @Test
    void findsZonesThroughBothGistIndexes() throws SQLException {
        for (boolean generic : new boolean[] {false, true}) {
            String plan = lookup.plan(data.lats[0], data.lons[0], generic);
            assertThat(plan).as(generic ? "generic plan" : "custom plan")
                    .contains("zone_polygon_geom_gist")
                    .contains("zone_circle_centre_gist");
        }
    }

    /** The circles (by id) whose rim is within {@link #RIM_METRES} of the point. */
    private static Set<String> rimZones(Probe probe, List<ZoneArea.Circle> circles, List<String> ids) {
        Set<String> near = new HashSet<>();
        for (int i = 0; i < circles.size(); i++) {
            ZoneArea.Circle circle = circles.get(i);
            double distance = Haversine.distanceMeters(circle.lat(), circle.lon(), probe.lat(), probe.lon());
            if (Math.abs(distance - circle.radiusMeters()) <= RIM_METRES) {
                near.add(ids.get(i));
            }
        }
        return near;
    }

    /** Constructed points whose source zone either engine answers wrongly (first {@link #SHOWN}). */
    private static List<String> wrongAnswers(Set<Kind> kinds) {
        List<String> wrong = new ArrayList<>();
        for (Answer answer : answers) {
            Probe probe = answer.probe();
            if (!kinds.contains(probe.kind())) {
                continue;
            }
            boolean expected = probe.kind().covered();
            boolean index = answer.index().contains(probe.sourceZone());
            boolean postgis = answer.postgis().contains(probe.sourceZone());
            if (index != expected || postgis != expected) {
                wrong.add(String.format("%s POINT(%s %s): expected %s, index %s, PostGIS %s; zone %s", probe.kind(), probe.lon(), probe.lat(),
                        expected, index, postgis, ZoneProbes.describe(zonesById.get(probe.sourceZone()))));
            }
        }
        return wrong.subList(0, Math.min(SHOWN, wrong.size()));
    }

    private static String disagreement(Answer answer) {
        Set<String> differing = new TreeSet<>(answer.indexCompared());
        differing.addAll(answer.postgisCompared());
        differing.removeIf(id -> answer.indexCompared().contains(id) && answer.postgisCompared().contains(id));
        return String.format("%s POINT(%s %s) (lon lat): index %s, PostGIS %s; differing zones: %s", answer.probe().kind(),
                answer.probe().lon(), answer.probe().lat(), answer.index(), answer.postgis(),
                differing.stream().map(id -> ZoneProbes.describe(zonesById.get(id))).collect(Collectors.joining("; ")));
    }

    private static int count(Kind kind) {
        return (int) answers.stream().filter(answer -> answer.probe().kind() == kind).count();
    }

    /**
     * The extension's version, creating it when missing. Without PostGIS installed: fails under
     * {@code CI=true}, else skips visibly (as {@code ExternalServiceCondition} does for services).
     */
    private static String requirePostgis(String url) throws SQLException {
        try {
            return PostgisZones.ensureExtension(url);
        } catch (PostgisZones.Unavailable e) {
            String reason = e.getMessage() + ": " + PostgresPostgisAgreementTest.class.getSimpleName() + " skipped";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + reason + " — CI must run every integration test;"
                        + " install postgresql-15-postgis-3 (" + PostgisZones.INSTALL_HINT + ")", e);
            }
            System.err.println("[nearcast] SKIPPED " + reason);
            Assumptions.abort(reason);
            throw new AssertionError("unreachable");
        }
    }
}
