package io.nearcast.geofence.domain;

/**
 * Great-circle distance on a sphere of radius {@value #EARTH_RADIUS_METERS} m (the IUGG mean
 * Earth radius R1) by the haversine formula. Positions are WGS84 degrees; the result is in metres.
 * Longitudes may differ by more than 180° (a pair either side of the antimeridian is measured the
 * short way round). Rounding stays far below a millimetre for the distances of geofences; only
 * near antipodal points does it reach about 0.1 m. On the ellipsoid the true distance differs by
 * up to about 0.5 %; geofence circles are defined on this sphere, so this function is what "inside
 * a circle" means. Stateless and thread-safe.
 */
public final class Haversine {

    /** The IUGG mean Earth radius R1 = (2a + b) / 3 for WGS84, in metres. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private Haversine() {
    }

    /** Distance in metres between two positions given in degrees; 0 to {@code π R}. */
    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double halfDeltaPhi = (phi2 - phi1) / 2;
        double halfDeltaLambda = Math.toRadians(lon2 - lon1) / 2;
        double sinPhi = Math.sin(halfDeltaPhi);
        double sinLambda = Math.sin(halfDeltaLambda);
        double h = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
        // rounding can push h a hair past 1 for antipodal points
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
