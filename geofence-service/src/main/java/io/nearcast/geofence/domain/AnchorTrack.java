package io.nearcast.geofence.domain;

/**
 * What one shopper hears of one anchor: the RSSI smoothed by a one-dimensional Kalman filter on a
 * random-walk model (the prior variance grows by {@code processNoise} per second between readings,
 * each reading has variance {@code measurementNoise}), and when it was last heard. The first
 * reading, and the first after a silence, starts the estimate at its own value (so forgetting a
 * silent anchor and remembering it give the same answers). Not thread-safe: lives inside a {@link Presence}.
 */
final class AnchorTrack {

    final String anchorId;
    String storeId;
    String zoneId;
    int txPower;
    /** Smoothed RSSI, dBm. */
    float estimate;
    /** Variance of the estimate, dB²; 0 before the first reading. */
    float variance;
    /** Event time of the last reading, epoch ms. */
    long heardAt;
    /** Wall-clock time the last reading was processed, epoch ms. */
    long arrivedAt;

    AnchorTrack(String anchorId) {
        this.anchorId = anchorId;
    }

    void hear(String storeId, String zoneId, int rssi, int txPower, long at, long arrived, PresenceRules.BeaconRules rules) {
        this.storeId = storeId;
        this.zoneId = zoneId;
        this.txPower = txPower;
        if (variance == 0 || at - heardAt > rules.silence().toMillis()) { // first reading, or one after a silence: start afresh
            estimate = rssi;
            variance = (float) rules.measurementNoise();
        } else {
            double seconds = Math.max(0, at - heardAt) / 1000.0;
            double prior = variance + rules.processNoise() * seconds;
            double gain = prior / (prior + rules.measurementNoise());
            estimate += (float) (gain * (rssi - estimate));
            variance = (float) ((1 - gain) * prior);
        }
        heardAt = at; // readings arrive in time order
        arrivedAt = arrived;
    }

    /**
     * The smoothed signal relative to 1 m as it stands at {@code at}: after {@code staleGrace}
     * without a reading it decays by {@code staleDecayDbPerSecond} (a shopper walking away stops
     * hearing the anchor rather than hearing it weaker).
     */
    double signalAt(long at, PresenceRules.BeaconRules rules) {
        double signal = estimate - txPower;
        long quiet = at - heardAt - rules.staleGrace().toMillis();
        return quiet <= 0 ? signal : signal - rules.staleDecayDbPerSecond() * quiet / 1000.0;
    }

    boolean inZone(String store, String zone) {
        return zone != null && zone.equals(zoneId) && store.equals(storeId);
    }
}
