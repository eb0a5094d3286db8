package io.nearcast.geofence.domain;

/** Spherical helpers for the tests, on the same sphere as {@link Haversine}. */
final class Geo {

    private Geo() {
    }

    /**
     * The position {@code meters} from the start along the great circle leaving it at
     * {@code bearingDegrees} (clockwise from north): {lat, lon} in degrees, lon in -180..180.
     */
    static double[] destination(double lat, double lon, double bearingDegrees, double meters) {
        double delta = meters / Haversine.EARTH_RADIUS_METERS;
        double phi1 = Math.toRadians(lat);
        double theta = Math.toRadians(bearingDegrees);
        double sinPhi2 = Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
        double phi2 = Math.asin(Math.max(-1, Math.min(1, sinPhi2)));
        double lambda = Math.toRadians(lon) + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1), Math.cos(delta) - Math.sin(phi1) * sinPhi2);
        double lon2 = Math.toDegrees(lambda);
        lon2 = ((lon2 + 540) % 360) - 180;
        return new double[] {Math.toDegrees(phi2), lon2};
    }
}
