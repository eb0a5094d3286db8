package io.nearcast.geofence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HaversineTest {

    private static final double R = Haversine.EARTH_RADIUS_METERS;

    @Test
    void usesTheIuggMeanRadius() {
        assertThat(R).isEqualTo(6_371_008.8);
    }

    @Test
    void arcsOfKnownAngle() {
        assertThat(Haversine.distanceMeters(52, 13, 53, 13)).as("1° along a meridian").isCloseTo(R * Math.PI / 180, within(1e-6));
        assertThat(Haversine.distanceMeters(0, 0, 0, 90)).as("a quarter of the equator").isCloseTo(R * Math.PI / 2, within(1e-6));
        assertThat(Haversine.distanceMeters(90, 0, -90, 0)).as("pole to pole").isCloseTo(R * Math.PI, within(1e-6));
        // haversine is ill-conditioned at antipodal points: a rounding of h costs about 0.1 m there
        assertThat(Haversine.distanceMeters(30, 40, -30, -140)).as("antipodes").isCloseTo(R * Math.PI, within(0.5));
        assertThat(Haversine.distanceMeters(60, 0, 60, 1)).as("1° of longitude at 60°")
                .isCloseTo(2 * R * Math.asin(Math.cos(Math.toRadians(60)) * Math.sin(Math.toRadians(0.5))), within(1e-9));
    }

    @Test
    void samePlaceIsZeroEvenWhereLongitudeIsMeaningless() {
        assertThat(Haversine.distanceMeters(52.5, 13.4, 52.5, 13.4)).isZero();
        assertThat(Haversine.distanceMeters(90, 0, 90, 123)).isCloseTo(0, within(1e-9));
        assertThat(Haversine.distanceMeters(-90, -180, -90, 180)).isCloseTo(0, within(1e-9));
    }

    @Test
    void measuresTheShortWayAcrossTheAntimeridian() {
        assertThat(Haversine.distanceMeters(0, 179.5, 0, -179.5)).isCloseTo(R * Math.PI / 180, within(1e-6));
        assertThat(Haversine.distanceMeters(0, 180, 0, -180)).isCloseTo(0, within(1e-6));
    }

    @Test
    void agreesWithTheVincentyFormulaOnTheSameSphere() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double lat1 = random.nextDouble() * 180 - 90;
            double lon1 = random.nextDouble() * 360 - 180;
            // half of the pairs close together, where the formulas' rounding differs most
            double lat2 = i % 2 == 0 ? random.nextDouble() * 180 - 90 : Math.max(-90, Math.min(90, lat1 + random.nextGaussian() * 0.01));
            double lon2 = i % 2 == 0 ? random.nextDouble() * 360 - 180 : lon1 + random.nextGaussian() * 0.01;
            double expected = vincenty(lat1, lon1, lat2, lon2);
            assertThat(Haversine.distanceMeters(lat1, lon1, lat2, lon2))
                    .as("%s, %s to %s, %s", lat1, lon1, lat2, lon2)
                    .isCloseTo(expected, within(1e-6 + expected * 1e-9));
            assertThat(Haversine.distanceMeters(lat2, lon2, lat1, lon1)).isCloseTo(Haversine.distanceMeters(lat1, lon1, lat2, lon2), within(1e-9));
        }
    }

    /** The great-circle distance by the atan2 (Vincenty, special case of the sphere) formula: well-conditioned everywhere. */
    private static double vincenty(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lon2 - lon1);
        double y = Math.hypot(Math.cos(p2) * Math.sin(dl), Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl));
        double x = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
        return R * Math.atan2(y, x);
    }
}
