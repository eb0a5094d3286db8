package io.nearcast.geofence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

/**
 * Circle zones: geodesic (haversine) distance, not a planar approximation, with the STR-tree box
 * never cutting off a position the distance says is inside, at any latitude, at the poles and
 * across the antimeridian.
 */
class ZoneIndexCircleTest {

    private static final String STORE = "store";
    private static final long SEED = 4_711L;

    private static List<String> covering(ZoneIndex index, double lat, double lon) {
        return index.zonesCovering(STORE, lat, lon, OptionalInt.empty());
    }

    private static ZoneIndex circle(double lat, double lon, double radiusMeters) {
        return ZoneIndex.of(List.of(new ZoneArea("c", STORE, OptionalInt.empty(), new ZoneArea.Circle(lat, lon, radiusMeters))));
    }

    @ParameterizedTest(name = "lat {0}, radius {1} m")
    @CsvSource({
        "0,     1", "0,     30", "0,     2000",
        "52.5,  1", "52.5,  30", "52.5,  2000",
        "80,    1", "80,    30", "80,    2000",
        "-80,   30", "-52.5, 2000",
    })
    void aFewCentimetresInsideTheRadiusIsInAndAFewOutsideIsOut(double lat, double radius) {
        double lon = 13.4;
        ZoneIndex index = circle(lat, lon, radius);
        for (int bearing = 0; bearing < 360; bearing += 15) {
            double[] in = Geo.destination(lat, lon, bearing, radius - 0.03);
            double[] out = Geo.destination(lat, lon, bearing, radius + 0.03);
            // the reference: the haversine distance agrees with how the positions were made
            assertThat(Haversine.distanceMeters(lat, lon, in[0], in[1])).as("bearing %d", bearing).isLessThan(radius).isCloseTo(radius - 0.03, within(1e-6));
            assertThat(Haversine.distanceMeters(lat, lon, out[0], out[1])).as("bearing %d", bearing).isGreaterThan(radius).isCloseTo(radius + 0.03, within(1e-6));

            assertThat(covering(index, in[0], in[1])).as("bearing %d, 3 cm inside", bearing).containsExactly("c");
            assertThat(covering(index, out[0], out[1])).as("bearing %d, 3 cm outside", bearing).isEmpty();
        }
    }

    @Test
    void aPlanarCircleInDegreesWouldBeWrongAt80Degrees() {
        // 2 km due east at 80° N is 0.1036° of longitude, not the 0.018° a degree-radius circle would allow
        ZoneIndex index = circle(80, 13.4, 2000);
        double[] east = Geo.destination(80, 13.4, 90, 1999.97);
        assertThat(east[1] - 13.4).isGreaterThan(0.1);
        assertThat(covering(index, east[0], east[1])).containsExactly("c");
    }

    @Test
    void aCircleAroundTheNorthPoleCoversEveryLongitudeNearThePole() {
        ZoneIndex index = circle(89.99, 0, 5000); // the pole is 1.1 km away
        assertThat(covering(index, 90, 0)).containsExactly("c");
        assertThat(covering(index, 90, -135)).containsExactly("c");
        assertThat(covering(index, 89.98, 180)).as("3.3 km, across the pole").containsExactly("c");
        assertThat(covering(index, 89.98, -90)).as("2.5 km").containsExactly("c");
        assertThat(covering(index, 89.94, 180)).as("7.8 km").isEmpty();
        assertThat(covering(index, 89.95, 0)).as("4.4 km south").containsExactly("c");
        assertThat(covering(index, 89.94, 0)).as("5.6 km south").isEmpty();
    }

    @Test
    void aCircleCentredOnAPole() {
        ZoneIndex north = circle(90, 0, 1000);
        assertThat(covering(north, 89.995, 123)).as("556 m").containsExactly("c");
        assertThat(covering(north, 89.99, -77)).as("1112 m").isEmpty();
        ZoneIndex south = circle(-90, 45, 1000);
        assertThat(covering(south, -89.995, -170)).containsExactly("c");
        assertThat(covering(south, -89.99, 10)).isEmpty();
    }

    @Test
    void aCircleAcrossTheAntimeridianCoversBothSides() {
        ZoneIndex index = circle(0, 179.999, 500);
        assertThat(covering(index, 0, 179.996)).as("333 m west").containsExactly("c");
        assertThat(covering(index, 0, 180)).as("111 m east").containsExactly("c");
        assertThat(covering(index, 0, -180)).as("111 m east").containsExactly("c");
        assertThat(covering(index, 0, -179.998)).as("333 m east, past the antimeridian").containsExactly("c");
        assertThat(covering(index, 0, -179.995)).as("667 m east").isEmpty();
        assertThat(covering(index, 0.004, 179.999)).as("445 m north").containsExactly("c");
        assertThat(covering(index, 0.005, 179.999)).as("556 m north").isEmpty();
        assertThat(covering(index, 0, 0)).isEmpty();

        ZoneIndex west = circle(-17, -180, 300);
        assertThat(covering(west, -17, 179.998)).as("213 m west of the meridian").containsExactly("c");
    }

    @Test
    void aCircleLargerThanAHemisphere() {
        ZoneIndex index = circle(0, 0, 15_000_000);
        assertThat(covering(index, 0, 120)).as("13,343 km").containsExactly("c");
        assertThat(covering(index, 90, 0)).as("10,008 km").containsExactly("c");
        assertThat(covering(index, -10, 170)).as("18,450 km").isEmpty();
        assertThat(covering(index, 0, 180)).as("20,015 km").isEmpty();
        assertThat(covering(circle(10, 20, 30_000_000), -10, -160)).as("the whole globe").containsExactly("c");
    }

    @Test
    void theBoxHoldsEveryPositionTheDistanceCountsAsInside() {
        Random random = new Random(SEED);
        int checked = 0;
        List<String> escapes = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double lat = i % 10 == 0 ? (random.nextBoolean() ? 1 : -1) * (90 - random.nextDouble() * 0.1) : random.nextDouble() * 180 - 90;
            double lon = random.nextDouble() * 360 - 180;
            double radius = Math.pow(10, random.nextDouble() * 7); // 1 m to 10,000 km
            Envelope box = ZoneIndex.circleEnvelope(lat, lon, radius);
            for (int k = 0; k < 16; k++) {
                double bearing = random.nextDouble() * 360;
                double[] edge = Geo.destination(lat, lon, bearing, radius);
                if (Haversine.distanceMeters(lat, lon, edge[0], edge[1]) > radius) {
                    continue; // a rounding hair outside: not covered, so the box need not hold it
                }
                checked++;
                if (!box.intersects(edge[1], edge[0]) && escapes.size() < 10) {
                    escapes.add("centre " + lat + ", " + lon + " radius " + radius + " bearing " + bearing + ": " + edge[0] + ", " + edge[1] + " outside " + box);
                }
            }
        }
        assertThat(checked).isGreaterThan(100_000);
        assertThat(escapes).as("seed %d", SEED).isEmpty();
    }

    @Test
    void anOrdinaryCircleGetsATightBox() {
        Envelope box = ZoneIndex.circleEnvelope(52.5, 13.4, 100);
        double degreesNorth = Math.toDegrees(100 / Haversine.EARTH_RADIUS_METERS);
        assertThat(box.getHeight()).isCloseTo(2 * degreesNorth, within(1e-8));
        assertThat(box.getWidth()).isCloseTo(2 * degreesNorth / Math.cos(Math.toRadians(52.5)), within(1e-8));
        Envelope polar = ZoneIndex.circleEnvelope(89.9, 13.4, 20_000);
        assertThat(polar.getMinX()).isEqualTo(-180);
        assertThat(polar.getMaxX()).isEqualTo(180);
        assertThat(polar.getMaxY()).isEqualTo(90);
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
