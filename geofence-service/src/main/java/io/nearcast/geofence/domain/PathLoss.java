package io.nearcast.geofence.domain;

/**
 * The log-distance path-loss model: {@code rssi = txPower − 10 n log10(d / 1 m)}, where txPower
 * is the calibrated RSSI at 1 m and n the path-loss exponent (2 in free space). A signal is
 * written relative to 1 m: {@code signal = rssi − txPower} (dB, 0 at 1 m, negative further away).
 * Stateless.
 */
public final class PathLoss {

    private PathLoss() {
    }

    /** The estimated distance in metres for a signal relative to 1 m. */
    public static double distanceMeters(double signalDb, double exponent) {
        return Math.pow(10, -signalDb / (10 * exponent));
    }

    /** The signal relative to 1 m expected at a distance (metres, above 0). */
    public static double signalDb(double distanceMeters, double exponent) {
        return -10 * exponent * Math.log10(distanceMeters);
    }
}
